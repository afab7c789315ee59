/** Related papers (sharing tags or working group) as a compact list. */
import Link from "next/link";
import { formatDate } from "@/lib/format";
import type { PaperRef } from "@/lib/types";
import { StatusBadge, TypeBadge } from "./Badges";

export function RelatedPapers({ papers }: { papers: PaperRef[] }) {
  if (!papers.length) return null;
  return (
    <ul className="card-grid">
      {papers.map((p) => (
        <li key={p.slug}>
          <article className="card">
            <p className="eyebrow" style={{ margin: 0 }}>
              <TypeBadge type={p.paper_type} />
              <StatusBadge status={p.status} />
            </p>
            <h3>
              <Link href={p.url}>{p.title}</Link>
            </h3>
            <p className="card__meta">
              <time dateTime={p.published_at}>{formatDate(p.published_at)}</time> · {p.citation_id}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
