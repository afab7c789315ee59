/** Events as calendar sheets with time, place and organising working group. */
import Link from "next/link";
import { calendarParts, formatTime } from "@/lib/format";
import type { EventListItem } from "@/lib/types";

export function EventItem({ event, headingLevel = 3 }: { event: EventListItem; headingLevel?: 2 | 3 }) {
  const sheet = calendarParts(event.starts_at);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="event-item">
      <time className="calendar-sheet" dateTime={event.starts_at}>
        <span className="calendar-sheet__month">{sheet.month}</span>
        <span className="calendar-sheet__day">{sheet.day}</span>
        <span className="calendar-sheet__year">{sheet.year}</span>
      </time>
      <div>
        <Heading>
          <Link href={event.url}>{event.title}</Link>
        </Heading>
        <p>
          {event.event_type.label} · {formatTime(event.starts_at)} Uhr
          {event.location ? ` · ${event.location}` : ""}
        </p>
        {event.working_group ? <p>Arbeitskreis {event.working_group.name.replace(/^(AK|Arbeitskreis)\s+/, "")}</p> : null}
      </div>
    </li>
  );
}

export function EventList({ events, headingLevel = 3 }: { events: EventListItem[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="event-list">
      {events.map((event) => (
        <EventItem key={event.slug} event={event} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}
