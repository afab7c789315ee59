/** Laws, regulations and programmes the papers address; open consultations first. */
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { LevelBadge } from "@/components/Badges";
import { FeedLink } from "@/components/FeedLink";
import { PageHeader } from "@/components/PageHeader";
import { SubscribeForm } from "@/components/SubscribeForm";
import { BackendUnavailable } from "@/components/BackendUnavailable";
import { api, isBackendDown } from "@/lib/api";
import { daysUntil, formatDate, plural } from "@/lib/format";
import { levelEnumValues } from "@/lib/api-schema";
import { byChoiceOrder, groupBy, hrefWith } from "@/lib/mapping";
import { basicMetadata } from "@/lib/metadata";
import { ROUTES } from "@/lib/site";
import type { LevelChoice, RegulatoryProject } from "@/lib/types";

export const metadata: Metadata = basicMetadata(
  "Regelungsvorhaben",
  "Gesetze, Verordnungen und Programme von EU, Bund und Ländern, zu denen der Verband Stellung nimmt – mit offenen Anhörungs- und Konsultationsfristen.",
  ROUTES.regulatoryProjects,
);

/** Section titles where the level's own label does not read as one. */
const LEVEL_SECTIONS: Partial<Record<LevelChoice["value"], string>> = { EU: "Europäische Union", Land: "Länder" };

function Project({ project, headingLevel }: { project: RegulatoryProject; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const days = project.consultation_deadline ? daysUntil(project.consultation_deadline) : null;
  const count = project.paper_count;
  return (
    <article className="project" id={project.slug} aria-labelledby={`${project.slug}-title`}>
      <p className="eyebrow">
        <span className="badge badge--type">{project.kind.label}</span>
        <LevelBadge level={project.level} />
        {days !== null && days >= 0 ? (
          <span className={`deadline${days <= 14 ? " deadline--soon" : ""}`}>
            Frist {formatDate(project.consultation_deadline)} ({days === 0 ? "heute" : `noch ${plural(days, "Tag", "Tage")}`})
          </span>
        ) : null}
      </p>
      <Heading id={`${project.slug}-title`}>{project.title}</Heading>
      {project.description ? <p style={{ maxWidth: "var(--measure)" }}>{project.description}</p> : null}
      <dl className="project__facts">
        {project.responsible ? (
          <div>
            <dt>Federführung:</dt>
            <dd>{project.responsible}</dd>
          </div>
        ) : null}
        {project.drucksache ? (
          <div>
            <dt>Verfahren:</dt>
            <dd>{project.drucksache}</dd>
          </div>
        ) : null}
        {project.lobbyregister_number ? (
          <div>
            <dt>Lobbyregister:</dt>
            <dd>{project.lobbyregister_number}</dd>
          </div>
        ) : null}
        {days !== null && days < 0 ? (
          <div>
            <dt>Frist:</dt>
            <dd>abgelaufen am {formatDate(project.consultation_deadline)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="small" style={{ margin: 0, display: "flex", flexWrap: "wrap", gap: "0.4rem 1.25rem" }}>
        <Link prefetch={false} href={hrefWith(ROUTES.papers, { vorhaben: project.slug, archiv: "1" })}>
          {plural(count, "Papier", "Papiere")} dazu
          <span className="visually-hidden"> ({project.short_title || project.title})</span>
        </Link>
        {project.link ? (
          <a href={project.link}>
            Zum Verfahren<span className="visually-hidden"> {project.short_title || project.title}</span>
          </a>
        ) : null}
        <FeedLink regulatoryProject={project.slug} label={`Atom-Feed zu ${project.short_title || project.title}`} />
      </p>
      <details className="subscribe-details no-print">
        <summary>Benachrichtigen: {project.short_title || project.title}</summary>
        <SubscribeForm
          id={`benachrichtigen-${project.slug}`}
          topic={{ regulatory_project: project.slug }}
          what={`„${project.short_title || project.title}“ (auch 7 Tage vor Fristende)`}
          heading={null}
        />
      </details>
    </article>
  );
}

export default async function RegulatoryProjectsPage() {
  await connection();
  let projects;
  try {
    projects = (await api.regulatoryProjects()).results;
  } catch (error) {
    if (isBackendDown(error)) return <BackendUnavailable />;
    throw error;
  }
  const open = projects
    .filter((p) => p.consultation_deadline && daysUntil(p.consultation_deadline) >= 0)
    .sort((a, b) => ((a.consultation_deadline ?? "") < (b.consultation_deadline ?? "") ? -1 : 1));
  const openSlugs = new Set(open.map((p) => p.slug));
  const rest = groupBy(
    projects.filter((p) => !openSlugs.has(p.slug)).sort(byChoiceOrder(levelEnumValues, (p) => p.level.value)),
    (p) => p.level.value,
  );
  return (
    <>
      <Breadcrumbs items={[{ label: "Regelungsvorhaben" }]} />
      <PageHeader
        title="Regelungsvorhaben"
        lead="Gesetze, Verordnungen, EU-Initiativen und Förderprogramme, zu denen unsere Arbeitskreise Stellung nehmen – mit den Fristen laufender Anhörungen und Konsultationen."
      />
      <div className="container">
        <section aria-labelledby="offen">
          <div className="section__head">
            <h2 id="offen">Offene Konsultationen</h2>
          </div>
          {open.length ? (
            open.map((p) => <Project key={p.slug} project={p} headingLevel={3} />)
          ) : (
            <p className="muted">Derzeit laufen keine Konsultationen mit offener Frist.</p>
          )}
        </section>
        {rest.map(([level, items]) => (
          <section key={level} className="section" aria-labelledby={`ebene-${level}`}>
            <div className="section__head">
              <h2 id={`ebene-${level}`}>{LEVEL_SECTIONS[level] ?? items[0]?.level.label}</h2>
            </div>
            {items.map((p) => (
              <Project key={p.slug} project={p} headingLevel={3} />
            ))}
          </section>
        ))}
      </div>
    </>
  );
}
