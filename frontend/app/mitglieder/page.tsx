/** The member organisations, grouped by federal state, with their working groups. */
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { PageHeader } from "@/components/PageHeader";
import { BackendUnavailable } from "@/components/BackendUnavailable";
import { api, isBackendDown } from "@/lib/api";
import { plural } from "@/lib/format";
import { stateEnumValues } from "@/lib/api-schema";
import { byChoiceOrder, groupBy, workingGroupPath } from "@/lib/mapping";
import { ROUTES } from "@/lib/site";
import { basicMetadata } from "@/lib/metadata";

export const metadata: Metadata = basicMetadata(
  "Mitgliedsunternehmen",
  "Die Mitgliedsunternehmen des Cluster IT Mitteldeutschland e. V. aus Sachsen, Sachsen-Anhalt und Thüringen.",
  ROUTES.organisations,
);

export default async function OrganisationsPage() {
  await connection();
  let organisations;
  try {
    organisations = (await api.organisations()).results;
  } catch (error) {
    if (isBackendDown(error)) return <BackendUnavailable />;
    throw error;
  }
  // By federal state in the backend's order (the association's three first).
  const byState = groupBy(
    [...organisations].sort(byChoiceOrder(stateEnumValues, (o) => o.state.value)),
    (o) => o.state.label,
  );
  return (
    <>
      <Breadcrumbs items={[{ label: "Mitglieder" }]} />
      <PageHeader
        title="Mitgliedsunternehmen"
        lead={`${plural(organisations.length, "Unternehmen", "Unternehmen")} aus der IT-Wirtschaft Mitteldeutschlands gestalten die Positionen des Verbands mit – vom Start-up bis zum großen Systemhaus.`}
      />
      <div className="container">
        {byState.map(([state, orgs]) => (
          <section key={state} className="section" aria-labelledby={`land-${state}`}>
            <div className="section__head">
              <h2 id={`land-${state}`}>{state}</h2>
              <span className="muted small">{plural(orgs.length, "Unternehmen", "Unternehmen")}</span>
            </div>
            <ul className="org-list">
              {orgs.map((org) => {
                const sectors = org.sectors.join(", ");
                return (
                  <li key={org.slug} className="org">
                    <h3>{org.website ? <a href={org.website}>{org.name}</a> : org.name}</h3>
                    <p>
                      {org.city}
                      {org.size_class ? ` · ${org.size_class.label}` : ""}
                    </p>
                    {sectors ? <p>{sectors}</p> : null}
                    {org.working_groups.length ? (
                      <p>
                        {org.working_groups.map((g, i) => (
                          <span key={g.slug}>
                            {i > 0 ? ", " : ""}
                            <Link href={workingGroupPath(g)}>{g.name}</Link>
                          </span>
                        ))}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
