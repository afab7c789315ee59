/** The calendar: upcoming events first, then past ones. */
import type { EventListItem } from "@/lib/types";
import { Breadcrumbs } from "../Breadcrumbs";
import { EmptyState } from "../EmptyState";
import { EventList } from "../EventList";
import { PageHeader } from "../PageHeader";

export function EventIndexView({
  title,
  upcoming,
  past,
}: {
  title: string;
  upcoming: EventListItem[];
  past: EventListItem[];
}) {
  return (
    <>
      <Breadcrumbs items={[{ label: title }]} />
      <PageHeader
        title={title}
        lead="Arbeitskreistreffen, Workshops und der Branchentreff: hier treffen sich Mitglieder, Politik und Verwaltung."
      />
      <div className="container two-col">
        <section aria-labelledby="kommende">
          <div className="section__head">
            <h2 id="kommende">Kommende Veranstaltungen</h2>
          </div>
          {upcoming.length ? (
            <EventList events={upcoming} />
          ) : (
            <EmptyState title="Derzeit sind keine Veranstaltungen geplant.">
              <p>Neue Termine erscheinen hier, sobald sie feststehen.</p>
            </EmptyState>
          )}
        </section>
        <section aria-labelledby="vergangene">
          <div className="section__head">
            <h2 id="vergangene">Vergangene Veranstaltungen</h2>
          </div>
          {past.length ? <EventList events={past} /> : <p className="muted">Noch keine.</p>}
        </section>
      </div>
    </>
  );
}
