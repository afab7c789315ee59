/** Related papers (sharing tags or working group) as a compact list. */
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { pagePath, paperTypeLabel } from "@/lib/mapping";
import type { PaperListItem, PaperRef } from "@/lib/types";
import { StatusBadge } from "./Badges";

export function RelatedPapers({ papers }: { papers: (PaperRef | PaperListItem)[] }) {
  if (!papers.length) return null;
  return (
    <ul className="card-grid">
      {papers.map((p) => (
        <li key={p.slug}>
          <article className="card">
            <p className="eyebrow" style={{ margin: 0 }}>
              {p.paper_type ? <span className="badge badge--type">{paperTypeLabel(p.paper_type)}</span> : null}
              {p.status ? <StatusBadge status={p.status} /> : null}
            </p>
            <h3>
              <Link href={pagePath(p.url)}>{p.title}</Link>
            </h3>
            <p className="card__meta">
              {p.published_at ? <time dateTime={p.published_at}>{formatDate(p.published_at)}</time> : null}
              {p.citation_id ? ` · ${p.citation_id}` : ""}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
