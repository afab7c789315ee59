/** The overview of all working groups. */
import type { WorkingGroupListItem } from "@/lib/types";
import { Breadcrumbs } from "../Breadcrumbs";
import { PageHeader } from "../PageHeader";
import { WorkingGroupCard } from "../WorkingGroupCard";

export function WorkingGroupIndexView({ title, groups }: { title: string; groups: WorkingGroupListItem[] }) {
  return (
    <>
      <Breadcrumbs items={[{ label: title }]} />
      <PageHeader
        title={title}
        lead="In den Arbeitskreisen arbeiten Fachleute aus den Mitgliedsunternehmen an den Themen der Branche und erarbeiten die Positionen des Verbands."
      />
      <div className="container">
        <h2 className="visually-hidden">Alle Arbeitskreise</h2>
        <ul className="card-grid">
          {groups.map((group) => (
            <WorkingGroupCard key={group.slug} group={group} />
          ))}
        </ul>
      </div>
    </>
  );
}
