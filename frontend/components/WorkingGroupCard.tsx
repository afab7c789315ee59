/** A working group as a card: name, short description, number of papers. */
import Link from "next/link";
import { plural } from "@/lib/format";
import { truncate } from "@/lib/mapping";
import type { WorkingGroupListItem } from "@/lib/types";

export function WorkingGroupCard({ group }: { group: WorkingGroupListItem }) {
  return (
    <li>
      <article className="card">
        <h3>
          <Link href={group.url}>{group.name}</Link>
        </h3>
        <p>{truncate(group.short_description, 220)}</p>
        <p className="card__meta">{plural(group.paper_count, "Veröffentlichung", "Veröffentlichungen")}</p>
      </article>
    </li>
  );
}
