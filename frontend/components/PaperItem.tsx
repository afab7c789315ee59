/** One paper in a list: type, status, title, summary (or search snippets) and key facts. */
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { authorsLine, safeHighlight, statusKind, truncate } from "@/lib/mapping";
import type { PaperListItem } from "@/lib/types";
import { StatusBadge, TypeBadge } from "./Badges";

export function PaperItem({
  paper,
  headingLevel = 3,
  titleHtml,
  summaryHtml,
  snippets,
  href,
  pdfPassages,
}: {
  paper: PaperListItem;
  /** Where the title leads (search: through the click count); the paper by default. */
  href?: string;
  headingLevel?: 2 | 3;
  /** Highlighted title (search); already made safe by safeHighlight. */
  titleHtml?: string;
  /** Highlighted summary (search); made safe here. */
  summaryHtml?: string;
  /** Highlighted body fragments (search), shown below the summary. */
  snippets?: string[];
  /** Highlighted passages of the paper's PDF with their page (search). */
  pdfPassages?: { page: number; highlight: string }[];
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const kind = statusKind(paper.status);
  return (
    <li className={`paper-item paper-item--${kind}`}>
      <div className="eyebrow">
        <TypeBadge type={paper.paper_type} />
        <StatusBadge status={paper.status} />
      </div>
      <Heading>
        {href ? (
          // A plain link: the route handler behind it answers with a redirect, not a page.
          titleHtml ? (
            <a href={href} dangerouslySetInnerHTML={{ __html: titleHtml }} />
          ) : (
            <a href={href}>{paper.title}</a>
          )
        ) : titleHtml ? (
          <Link href={paper.url} dangerouslySetInnerHTML={{ __html: titleHtml }} />
        ) : (
          <Link href={paper.url}>{paper.title}</Link>
        )}
      </Heading>
      {paper.subtitle ? <p className="paper-item__subtitle">{paper.subtitle}</p> : null}
      {summaryHtml ? (
        <p className="paper-item__summary paper-item__summary--clamped" dangerouslySetInnerHTML={{ __html: safeHighlight(summaryHtml) }} />
      ) : (
        <p className="paper-item__summary">{truncate(paper.summary, 280)}</p>
      )}
      {snippets?.slice(0, 2).map((fragment, i) => (
        <p key={i} className="snippet" dangerouslySetInnerHTML={{ __html: safeHighlight(fragment) }} />
      ))}
      {pdfPassages?.map((passage) => (
        <p key={passage.page} className="snippet snippet--pdf">
          <span className="snippet__page">PDF, S. {passage.page}:</span>{" "}
          <span dangerouslySetInnerHTML={{ __html: safeHighlight(passage.highlight) }} />
        </p>
      ))}
      <dl className="paper-item__meta">
        <dt>Veröffentlicht</dt>
        <dd>
          <time dateTime={paper.published_at}>{formatDate(paper.published_at)}</time>
        </dd>
        <dt>Arbeitskreis</dt>
        <dd>{authorsLine(paper)}</dd>
        <dt>Zitier-ID</dt>
        <dd>{paper.citation_id}</dd>
      </dl>
    </li>
  );
}

export function PaperList({ papers, headingLevel = 3 }: { papers: PaperListItem[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="paper-list">
      {papers.map((paper) => (
        <PaperItem key={paper.slug} paper={paper} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}
