/** A working group as a card: name, short description, number of papers. */
import Link from "next/link";
import { plural } from "@/lib/format";
import { groupName, pagePath, truncate } from "@/lib/mapping";
import type { WorkingGroupListItem } from "@/lib/types";

export function WorkingGroupCard({ group }: { group: WorkingGroupListItem }) {
  return (
    <li>
      <article className="card">
        <h3>
          <Link href={pagePath(group.url)}>{groupName(group)}</Link>
        </h3>
        <p>{truncate(group.short_description, 220)}</p>
        {typeof group.paper_count === "number" ? (
          <p className="card__meta">{plural(group.paper_count, "Veröffentlichung", "Veröffentlichungen")}</p>
        ) : null}
      </article>
    </li>
  );
}
