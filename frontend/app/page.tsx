/** Home: what the association stands for, the latest papers, working groups, upcoming events. */
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EventList } from "@/components/EventList";
import { FeedLink } from "@/components/FeedLink";
import { PaperList } from "@/components/PaperItem";
import { SearchBox } from "@/components/SearchBox";
import { WorkingGroupCard } from "@/components/WorkingGroupCard";
import { BackendUnavailable } from "@/components/BackendUnavailable";
import { api, isBackendDown } from "@/lib/api";
import { daysUntil, formatDate } from "@/lib/format";
import { hrefWith } from "@/lib/mapping";
import { basicMetadata } from "@/lib/metadata";
import { ROUTES, SITE } from "@/lib/site";

export const metadata: Metadata = {
  ...basicMetadata(`${SITE.name} – Positionen der IT-Wirtschaft`, SITE.description, "/"),
  title: { absolute: `${SITE.name} – Positionen der IT-Wirtschaft in Mitteldeutschland` },
};

export default async function HomePage() {
  // Rendered per request from cached API data: the build never needs the backend.
  await connection();
  let data;
  try {
    data = await Promise.all([
      api.papers({ page_size: 5, ordering: "-published_at" }),
      api.workingGroups(),
      api.events({ upcoming: true, page_size: 4 }),
      api.regulatoryProjects(),
    ]);
  } catch (error) {
    if (isBackendDown(error)) return <BackendUnavailable />;
    throw error;
  }
  const [papers, groups, events, projects] = data;
  const open = projects.results
    .filter((p) => p.consultation_deadline && daysUntil(p.consultation_deadline) >= 0)
    .sort((a, b) => ((a.consultation_deadline ?? "") < (b.consultation_deadline ?? "") ? -1 : 1))
    .slice(0, 3);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero__grid">
          <div>
            <h1 id="hero-title">Die Stimme der IT-Wirtschaft in Mitteldeutschland</h1>
            <p className="hero__lead">{SITE.intro}</p>
            <div className="hero__search">
              <SearchBox id="hero-search" label="Positionen, Stellungnahmen und Forderungen durchsuchen" placeholder="z. B. NIS2, Fachkräfte, Breitband" />
            </div>
            <ul className="hero__facts">
              <li>
                <strong>{papers.count}</strong> Veröffentlichungen
              </li>
              <li>
                <strong>{groups.count}</strong> Arbeitskreise
              </li>
              <li>
                <strong>3</strong> Bundesländer
              </li>
            </ul>
          </div>
          <nav className="hero__panel" aria-labelledby="schnellzugriff">
            <h2 id="schnellzugriff">Für Politik und Presse</h2>
            <ul>
              <li>
                <Link prefetch={false} href={hrefWith(ROUTES.papers, { ebene: "Bund" })}>Positionen an den Bund</Link>
              </li>
              <li>
                <Link prefetch={false} href={hrefWith(ROUTES.papers, { ebene: "Land" })}>Positionen an Landtage und Landesministerien</Link>
              </li>
              <li>
                <Link prefetch={false} href={hrefWith(ROUTES.papers, { ebene: "EU" })}>Positionen zur EU-Politik</Link>
              </li>
              <li>
                <Link href={ROUTES.regulatoryProjects}>Regelungsvorhaben und offene Fristen</Link>
              </li>
              <li>
                <Link href={ROUTES.impact}>Was aus unseren Forderungen wurde</Link>
              </li>
              <li>
                <a href={ROUTES.feed} type="application/atom+xml">
                  Neue Papiere als Atom-Feed
                </a>
              </li>
            </ul>
            <p className="small">
              Jedes Papier hat eine Zitier-ID und eine PDF-Fassung. Pressekontakt:{" "}
              <a href={`mailto:${SITE.email}`}>{SITE.email}</a>
            </p>
          </nav>
        </div>
      </section>

      <div className="container two-col">
        <section className="section" aria-labelledby="neueste">
          <div className="section__head">
            <h2 id="neueste">Neueste Positionen</h2>
            <Link className="section__more" href={ROUTES.papers}>
              Alle Positionen
            </Link>
          </div>
          <PaperList papers={papers.results} />
          <p style={{ marginTop: "1rem" }}>
            <FeedLink />
          </p>
        </section>

        <div>
          <section className="section" aria-labelledby="termine">
            <div className="section__head">
              <h2 id="termine">Nächste Termine</h2>
              <Link className="section__more" href={ROUTES.events}>
                Alle Termine
              </Link>
            </div>
            {events.results.length ? <EventList events={events.results} /> : <p className="muted">Derzeit sind keine Termine geplant.</p>}
          </section>
          {open.length ? (
            <section className="section" aria-labelledby="konsultationen">
              <div className="section__head">
                <h2 id="konsultationen">Offene Konsultationen</h2>
              </div>
              <ul className="event-list">
                {open.map((p) => (
                  <li key={p.slug} className="event-item" style={{ display: "block" }}>
                    <h3>
                      <Link href={`${ROUTES.regulatoryProjects}#${p.slug}`}>{p.short_title || p.title}</Link>
                    </h3>
                    <p>
                      Frist: <time dateTime={p.consultation_deadline ?? undefined}>{formatDate(p.consultation_deadline)}</time>
                      {p.responsible ? ` · ${p.responsible}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>

      <section className="section container" aria-labelledby="arbeitskreise">
        <div className="section__head">
          <h2 id="arbeitskreise">Unsere Arbeitskreise</h2>
          <Link className="section__more" href={ROUTES.workingGroups}>
            Alle Arbeitskreise
          </Link>
        </div>
        <ul className="card-grid">
          {groups.results.map((group) => (
            <WorkingGroupCard key={group.slug} group={group} />
          ))}
        </ul>
      </section>
    </>
  );
}
