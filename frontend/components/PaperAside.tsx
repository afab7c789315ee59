/** The side column of a paper: download, citation, share link, addressees, laws, versions. */
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { citationText, hrefWith } from "@/lib/mapping";
import { ROUTES, publicApiBaseUrl } from "@/lib/site";
import type { PaperDetail } from "@/lib/types";
import { CopyButton } from "./CopyButton";

function absolute(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${publicApiBaseUrl()}${url.startsWith("/") ? "" : "/"}${url}`;
}

export function PaperAside({ paper, canonicalUrl }: { paper: PaperDetail; canonicalUrl: string }) {
  const citation = citationText(paper, canonicalUrl);
  const mail = `mailto:?subject=${encodeURIComponent(paper.title)}&body=${encodeURIComponent(`${paper.title}\n${canonicalUrl}`)}`;
  return (
    <aside className="paper-aside" aria-label="Zum Papier">
      <section className="aside-box aside-box--actions no-print" aria-labelledby="aside-download">
        <h2 id="aside-download">Herunterladen</h2>
        {paper.pdf_url ? (
          <a className="button" href={absolute(paper.pdf_url)} download>
            PDF herunterladen
          </a>
        ) : (
          <p className="small muted">Für dieses Papier gibt es keine PDF-Fassung. Die Seite lässt sich drucken.</p>
        )}
      </section>

      <section className="aside-box" aria-labelledby="aside-cite">
        <h2 id="aside-cite">Zitieren</h2>
        <p className="small">
          Zitier-ID: <span className="citation-id">{paper.citation_id}</span>
        </p>
        <p className="citation" id="zitat">
          {citation}
        </p>
        <div className="copy-row no-print">
          <CopyButton text={citation} label="Zitat kopieren" />
        </div>
      </section>

      <section className="aside-box no-print" aria-labelledby="aside-share">
        <h2 id="aside-share">Teilen</h2>
        <label htmlFor="share-link" className="small">
          Link zu diesem Papier
        </label>
        <input id="share-link" className="share-field" type="text" readOnly value={canonicalUrl} />
        <div className="copy-row" style={{ marginTop: "0.5rem" }}>
          <CopyButton text={canonicalUrl} label="Link kopieren" />
          <a href={mail} className="small">
            Per E-Mail senden
          </a>
        </div>
      </section>

      {paper.dispatches.length ? (
        <section className="aside-box" aria-labelledby="aside-dispatch">
          <h2 id="aside-dispatch">Adressaten und Versand</h2>
          <ul>
            {paper.dispatches.map((d, i) => (
              <li key={`${d.addressee.slug}-${i}`}>
                <Link prefetch={false} href={hrefWith(ROUTES.papers, { adressat: d.addressee.slug })}>{d.addressee.name}</Link>
                <br />
                <span className="small muted">
                  {d.addressee.level.label} · versandt am <time dateTime={d.sent_on}>{formatDate(d.sent_on)}</time>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {paper.regulatory_projects.length ? (
        <section className="aside-box" aria-labelledby="aside-laws">
          <h2 id="aside-laws">Regelungsvorhaben</h2>
          <ul>
            {paper.regulatory_projects.map((p) => (
              <li key={p.slug}>
                <Link href={`${ROUTES.regulatoryProjects}#${p.slug}`}>{p.short_title || p.title}</Link>
                <br />
                <span className="small muted">
                  {[p.kind.label, p.level.label, p.drucksache].filter(Boolean).join(" · ")}
                </span>
                {p.link ? (
                  <>
                    <br />
                    <a href={p.link} className="small print-url">
                      Verfahren ansehen<span className="visually-hidden"> ({p.short_title || p.title})</span>
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {paper.signatories.length ? (
        <section className="aside-box" aria-labelledby="aside-signatories">
          <h2 id="aside-signatories">Unterzeichnende</h2>
          <ul>
            {paper.signatories.map((o) => (
              <li key={o.slug}>
                {o.name}
                {o.city ? <span className="small muted"> · {o.city}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {paper.contact?.name ? (
        <section className="aside-box" aria-labelledby="aside-contact">
          <h2 id="aside-contact">Ansprechperson</h2>
          <p>
            {paper.contact.name}
            {paper.contact.role ? (
              <>
                <br />
                <span className="small muted">{paper.contact.role}</span>
              </>
            ) : null}
            {paper.contact.email ? (
              <>
                <br />
                <a href={`mailto:${paper.contact.email}`}>{paper.contact.email}</a>
              </>
            ) : null}
          </p>
        </section>
      ) : null}

      <section className="aside-box" aria-labelledby="aside-versions">
        <h2 id="aside-versions">Version und Verlauf</h2>
        <p className="small">
          Version {paper.version}
          {paper.last_published_at ? (
            <>
              {" "}
              · zuletzt aktualisiert am <time dateTime={paper.last_published_at}>{formatDate(paper.last_published_at)}</time>
            </>
          ) : null}
        </p>
        {paper.versions.length ? (
          <ul className="history">
            {paper.versions.map((entry, i) => (
              <li key={`${entry.version}-${entry.published_at}-${i}`}>
                <span>Version {entry.version || "–"}</span>
                <time dateTime={entry.published_at}>{formatDate(entry.published_at)}</time>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {paper.tags.length ? (
        <section className="aside-box" aria-labelledby="aside-tags">
          <h2 id="aside-tags">Schlagworte</h2>
          <ul className="tag-list">
            {paper.tags.map((t) => (
              <li key={t.slug}>
                <Link prefetch={false} href={hrefWith(ROUTES.papers, { schlagwort: t.slug })}>{t.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}

