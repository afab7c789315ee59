/** A single event with date, time, place, organiser and registration link. */
import Link from "next/link";
import { formatDateTime, formatTime, isoDay } from "@/lib/format";
import { workingGroupPath } from "@/lib/mapping";
import { ROUTES } from "@/lib/site";
import type { EventDetail } from "@/lib/types";
import { Breadcrumbs } from "../Breadcrumbs";

export function EventView({ event }: { event: EventDetail }) {
  const sameDay = event.ends_at && isoDay(event.ends_at) === isoDay(event.starts_at);
  const past = new Date(event.ends_at ?? event.starts_at).getTime() < Date.now();
  return (
    <>
      <Breadcrumbs items={[{ href: ROUTES.events, label: "Veranstaltungen" }, { label: event.title }]} />
      <article className="container" aria-labelledby="event-title">
        <header className="page-header">
          <p className="eyebrow">
            <span className="badge badge--type">{event.event_type.label}</span>
            {past ? <span className="badge badge--level">vergangen</span> : null}
          </p>
          <h1 id="event-title">{event.title}</h1>
        </header>
        <div className="two-col">
          <div className="prose">
            {event.description ? (
              event.description.split(/\n{2,}/).map((para, i) => <p key={i}>{para}</p>)
            ) : (
              <p className="muted">Weitere Informationen folgen.</p>
            )}
          </div>
          <aside className="aside-box" aria-labelledby="event-facts">
            <h2 id="event-facts">Termin</h2>
            <dl className="project__facts" style={{ display: "block" }}>
              <dt>Beginn</dt>
              <dd>
                <time dateTime={event.starts_at}>{formatDateTime(event.starts_at)}</time>
              </dd>
              {event.ends_at ? (
                <>
                  <dt>Ende</dt>
                  <dd>
                    <time dateTime={event.ends_at}>{sameDay ? `${formatTime(event.ends_at)} Uhr` : formatDateTime(event.ends_at)}</time>
                  </dd>
                </>
              ) : null}
              {event.location ? (
                <>
                  <dt>Ort</dt>
                  <dd>{event.location}</dd>
                </>
              ) : null}
              <dt>Veranstalter</dt>
              <dd>
                {event.working_group ? (
                  <Link href={workingGroupPath(event.working_group)}>{event.working_group.name}</Link>
                ) : (
                  "Cluster IT Mitteldeutschland e. V."
                )}
              </dd>
            </dl>
            {event.registration_url && !past ? (
              <p>
                <a className="button" href={event.registration_url}>
                  Zur Anmeldung
                </a>
              </p>
            ) : null}
          </aside>
        </div>
      </article>
    </>
  );
}
