/** A working group: mission, chairs, topics, member organisations, papers and events. */
import Link from "next/link";
import { hrefWith } from "@/lib/mapping";
import { ROUTES } from "@/lib/site";
import type { EventListItem, PaperListItem, WorkingGroupDetail } from "@/lib/types";
import { Breadcrumbs } from "../Breadcrumbs";
import { EventList } from "../EventList";
import { FeedLink } from "../FeedLink";
import { PaperList } from "../PaperItem";
import { SubscribeForm } from "../SubscribeForm";

function initials(name: string): string {
  return name
    .replace(/^(Dr\.|Prof\.)\s*/g, "")
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0])
    .slice(0, 2)
    .join("")
    .toUpperCase();
}

export function WorkingGroupView({
  group,
  papers,
  paperCount,
  events,
}: {
  group: WorkingGroupDetail;
  papers: PaperListItem[];
  paperCount: number;
  events: EventListItem[];
}) {
  const name = group.name;
  const contactName = group.contact?.name;
  const contactEmail = group.contact?.email;
  return (
    <>
      <Breadcrumbs items={[{ href: ROUTES.workingGroups, label: "Arbeitskreise" }, { label: name }]} />
      <header className="page-header container">
        <p className="eyebrow">
          <span className="badge badge--type">Arbeitskreis</span>
        </p>
        <h1>{name}</h1>
        <p className="page-header__lead">{group.short_description}</p>
      </header>
      <div className="container two-col">
        <div>
          {group.mission ? (
            <section aria-labelledby="auftrag">
              <h2 id="auftrag" style={{ marginTop: 0 }}>
                Auftrag und Arbeitsweise
              </h2>
              <div className="prose" dangerouslySetInnerHTML={{ __html: group.mission }} />
            </section>
          ) : null}

          <section className="section" aria-labelledby="papiere">
            <div className="section__head">
              <h2 id="papiere">Positionen und Stellungnahmen</h2>
              {paperCount > papers.length ? (
                <Link className="section__more" href={hrefWith(ROUTES.papers, { arbeitskreis: group.slug })}>
                  Alle {paperCount} anzeigen
                </Link>
              ) : null}
            </div>
            {papers.length ? (
              <PaperList papers={papers} />
            ) : (
              <p className="muted">Dieser Arbeitskreis hat noch keine Papiere veröffentlicht.</p>
            )}
            <p style={{ marginTop: "1rem" }}>
              <FeedLink workingGroup={group.slug} label={`Neue Papiere dieses Arbeitskreises als Atom-Feed`} />
            </p>
          </section>

          <section className="section no-print">
            <SubscribeForm id="benachrichtigen" topic={{ working_group: group.slug }} what={`diesem Arbeitskreis`} />
          </section>

          {group.member_organisations.length ? (
            <section className="section" aria-labelledby="mitglieder">
              <div className="section__head">
                <h2 id="mitglieder">Mitwirkende Unternehmen</h2>
              </div>
              <ul className="org-list">
                {group.member_organisations.map((org) => (
                  <li key={org.slug} className="org">
                    <h3>{org.website ? <a href={org.website}>{org.name}</a> : org.name}</h3>
                    <p>{org.city}</p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>

        <div>
          {group.chairs.length ? (
            <section aria-labelledby="sprecher" className="aside-box">
              <h2 id="sprecher">Sprecherinnen und Sprecher</h2>
              <ul className="people">
                {group.chairs.map((chair) => (
                  <li key={chair.name} className="person">
                    <span className="person__initials" aria-hidden="true">
                      {initials(chair.name)}
                    </span>
                    <p>
                      <strong>{chair.name}</strong>
                      <br />
                      <span className="small muted">
                        {[chair.role, chair.organisation?.name].filter(Boolean).join(", ")}
                      </span>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {group.topics.length ? (
            <section aria-labelledby="themen" className="aside-box">
              <h2 id="themen">Themen</h2>
              <ul className="tag-list">
                {group.topics.map((t) => (
                  <li key={t.slug}>
                    <Link prefetch={false} href={hrefWith(ROUTES.papers, { schlagwort: t.slug })}>{t.name}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="termine" className="aside-box">
            <h2 id="termine">Nächste Termine</h2>
            {events.length ? <EventList events={events} /> : <p className="small muted">Derzeit sind keine Termine geplant.</p>}
          </section>

          {group.meeting_rhythm || contactName ? (
            <section aria-labelledby="kontakt" className="aside-box">
              <h2 id="kontakt">Treffen und Kontakt</h2>
              {group.meeting_rhythm ? <p>{group.meeting_rhythm}</p> : null}
              {contactName ? (
                <p>
                  {contactName}
                  {contactEmail ? (
                    <>
                      <br />
                      <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
                    </>
                  ) : null}
                </p>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
