/** Privacy notice (placeholder until the association supplies its legal text). */
import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { PageHeader } from "@/components/PageHeader";
import { basicMetadata } from "@/lib/metadata";
import { ROUTES, SITE } from "@/lib/site";

export const metadata: Metadata = basicMetadata("Datenschutz", `Datenschutzhinweise des ${SITE.legalName}.`, ROUTES.privacy);

export default function PrivacyPage() {
  return (
    <>
      <Breadcrumbs items={[{ label: "Datenschutz" }]} />
      <PageHeader title="Datenschutzerklärung" />
      <div className="container prose">
        <div className="notice notice--info" role="note" style={{ marginTop: 0, marginBottom: "1.5rem" }}>
          <p>Platzhalter: Die verbindliche Datenschutzerklärung wird vom Verband ergänzt.</p>
        </div>
        <h2>Verantwortliche Stelle</h2>
        <p>
          {SITE.legalName}, {SITE.address.slice(2).join(", ")}, <a href={`mailto:${SITE.email}`}>{SITE.email}</a>
        </p>
        <h2>Was diese Website speichert</h2>
        <p>
          Diese Website setzt keine Cookies zu Analyse- oder Werbezwecken und bindet keine Inhalte Dritter ein. Schriften
          werden vom eigenen Server geladen. Beim Aufruf verarbeitet der Server technisch notwendige Daten (IP-Adresse,
          Zeitpunkt, aufgerufene Adresse) zur Auslieferung und Absicherung der Website.
        </p>
        <h2>Suche</h2>
        <p>Suchanfragen werden zur Beantwortung verarbeitet und nicht personenbezogen gespeichert.</p>
        <h2>Ihre Rechte</h2>
        <p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Beschwerde bei einer Aufsichtsbehörde.</p>
      </div>
    </>
  );
}
