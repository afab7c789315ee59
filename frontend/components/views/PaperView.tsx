/** The paper detail page: at a glance first, then the structured body, the synopsis and context. */
import Link from "next/link";
import { formatLongDate } from "@/lib/format";
import { isSynopsis, workingGroupPath } from "@/lib/mapping";
import { SITE } from "@/lib/site";
import type { PaperDetail } from "@/lib/types";
import { AtAGlance } from "../AtAGlance";
import { StatusBadge, TypeBadge } from "../Badges";
import { Breadcrumbs } from "../Breadcrumbs";
import { DemandImpacts } from "../DemandImpacts";
import { DemandSynopsis } from "../DemandSynopsis";
import { PaperAside } from "../PaperAside";
import { SubscribeForm } from "../SubscribeForm";
import { PaperStatusNotice } from "../PaperStatusNotice";
import { RelatedPapers } from "../RelatedPapers";
import { StreamBody } from "../StreamBody";

export function PaperView({
  paper,
  canonicalUrl,
  groupPath,
}: {
  paper: PaperDetail;
  canonicalUrl: string;
  groupPath?: string;
}) {
  const lead = paper.working_groups[0];
  const demands = paper.demands;
  const older = paper.supersedes;
  // schema.org metadata for search engines and reference managers.
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Report",
    headline: paper.title,
    alternativeHeadline: paper.subtitle || undefined,
    abstract: paper.summary,
    identifier: paper.citation_id,
    version: paper.version,
    datePublished: paper.published_at,
    dateModified: paper.last_published_at ?? undefined,
    inLanguage: "de",
    url: canonicalUrl,
    keywords: paper.tags.map((t) => t.name).join(", ") || undefined,
    author: paper.working_groups.map((g) => ({ "@type": "Organization", name: g.name, parentOrganization: SITE.legalName })),
    publisher: { "@type": "Organization", name: SITE.legalName },
    creativeWorkStatus: paper.status.label,
  };
  return (
    <>
      <script
        type="application/ld+json"
        // JSON.stringify escapes quotes; "<" is escaped so no text can close the script element.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
      <Breadcrumbs
        items={[
          { href: "/arbeitskreise/", label: "Arbeitskreise" },
          ...(lead ? [{ href: groupPath ?? workingGroupPath(lead), label: lead.name }] : []),
          { label: paper.title },
        ]}
      />
      <article className="container" aria-labelledby="paper-title">
        <header className="page-header paper-header">
          <div className="eyebrow">
            <TypeBadge type={paper.paper_type} />
            <StatusBadge status={paper.status} showCurrent />
          </div>
          <h1 id="paper-title">{paper.title}</h1>
          {paper.subtitle ? <p className="paper-header__subtitle">{paper.subtitle}</p> : null}
          <dl className="paper-facts">
            <div>
              <dt>Veröffentlicht</dt>
              <dd>
                {/* A draft in the preview has no date yet (set at its first publication). */}
                {paper.published_at ? (
                  <time dateTime={paper.published_at}>{formatLongDate(paper.published_at)}</time>
                ) : (
                  "Entwurf"
                )}
              </dd>
            </div>
            <div>
              <dt>Version</dt>
              <dd>{paper.version}</dd>
            </div>
            <div>
              <dt>Zitier-ID</dt>
              <dd className="citation-id">{paper.citation_id || "wird bei der Veröffentlichung vergeben"}</dd>
            </div>
            <div>
              <dt>{paper.working_groups.length > 1 ? "Arbeitskreise" : "Arbeitskreis"}</dt>
              <dd>
                {paper.working_groups.map((g, i) => (
                  <span key={g.slug}>
                    {i > 0 ? ", " : ""}
                    <Link href={workingGroupPath(g)}>{g.name}</Link>
                  </span>
                ))}
              </dd>
            </div>
          </dl>
          <PaperStatusNotice paper={paper} />
        </header>

        <div className="paper-layout">
          <div>
            <AtAGlance verdict={paper.at_a_glance.verdict} demands={paper.at_a_glance.key_demands} />
            {paper.summary ? (
              <section className="section" aria-labelledby="zusammenfassung">
                <h2 id="zusammenfassung">Zusammenfassung</h2>
                <p className="prose">{paper.summary}</p>
              </section>
            ) : null}
            <StreamBody blocks={paper.body} synopsis={isSynopsis(demands)} />
            {isSynopsis(demands) ? <DemandSynopsis demands={demands} /> : null}
            <DemandImpacts demands={demands} />
            {older.length ? (
              <section className="section" aria-labelledby="vorgaenger">
                <h2 id="vorgaenger">Frühere Fassungen</h2>
                <p>Dieses Papier ersetzt:</p>
                <ul>
                  {older.map((p) => (
                    <li key={p.slug}>
                      <Link href={p.url}>{p.title}</Link> ({p.citation_id})
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section className="section no-print">
              <SubscribeForm id="benachrichtigen" topic={{ paper: paper.slug }} what="neuen Versionen dieses Papiers" />
            </section>
          </div>
          <PaperAside paper={paper} canonicalUrl={canonicalUrl} />
        </div>

        {paper.related.length ? (
          <section className="section no-print" aria-labelledby="verwandt">
            <div className="section__head">
              <h2 id="verwandt">Verwandte Papiere</h2>
            </div>
            <RelatedPapers papers={paper.related.slice(0, 6)} />
          </section>
        ) : null}
      </article>
    </>
  );
}
