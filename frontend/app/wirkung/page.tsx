/** What became of the demands of all public papers: in all, per working group, year and level. */
import type { Metadata } from "next";
import { connection } from "next/server";
import { BackendUnavailable } from "@/components/BackendUnavailable";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { ImpactTable } from "@/components/ImpactTable";
import { PageHeader } from "@/components/PageHeader";
import { api, isBackendDown } from "@/lib/api";
import { basicMetadata } from "@/lib/metadata";
import { ROUTES } from "@/lib/site";

export const metadata: Metadata = basicMetadata(
  "Was wurde daraus?",
  "Welche Forderungen des Verbands in Gesetze und Verordnungen eingegangen sind – nach Arbeitskreis, Jahr und Ebene.",
  ROUTES.impact,
);

export default async function ImpactPage() {
  await connection();
  let summary;
  try {
    summary = await api.impact();
  } catch (error) {
    if (isBackendDown(error)) return <BackendUnavailable />;
    throw error;
  }
  return (
    <>
      <Breadcrumbs items={[{ label: "Was wurde daraus?" }]} />
      <PageHeader
        title="Was wurde daraus?"
        lead="Was aus den Forderungen unserer veröffentlichten Papiere geworden ist. Forderungen, zu denen noch kein Ergebnis erfasst ist, zählen als offen."
      />
      <div className="container">
        <ImpactTable id="insgesamt" title="Insgesamt" rows={[{ label: "Alle Papiere", counts: summary.total }]} />
        <ImpactTable
          id="arbeitskreise"
          title="Arbeitskreis"
          rows={summary.working_groups.map((g) => ({ label: g.working_group.name, counts: g }))}
        />
        <ImpactTable id="jahre" title="Jahr" rows={summary.years.map((y) => ({ label: String(y.year), counts: y }))} />
        <ImpactTable id="ebenen" title="Ebene" rows={summary.levels.map((l) => ({ label: l.level.label, counts: l }))} />
      </div>
    </>
  );
}
