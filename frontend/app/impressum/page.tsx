/** Imprint (placeholder until the association supplies its legal text). */
import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { PageHeader } from "@/components/PageHeader";
import { basicMetadata } from "@/lib/metadata";
import { ROUTES, SITE } from "@/lib/site";

export const metadata: Metadata = basicMetadata("Impressum", `Impressum des ${SITE.legalName}.`, ROUTES.imprint);

export default function ImprintPage() {
  return (
    <>
      <Breadcrumbs items={[{ label: "Impressum" }]} />
      <PageHeader title="Impressum" />
      <div className="container prose">
        <div className="notice notice--info" role="note" style={{ marginTop: 0, marginBottom: "1.5rem" }}>
          <p>Platzhalter: Der verbindliche Text des Impressums wird vom Verband ergänzt.</p>
        </div>
        <h2>Angaben gemäß § 5 DDG</h2>
        <p>
          {SITE.address.map((line) => (
            <span key={line}>
              {line}
              <br />
            </span>
          ))}
        </p>
        <h2>Vertreten durch</h2>
        <p>Den Vorstand (Name der vertretungsberechtigten Person).</p>
        <h2>Registereintrag</h2>
        <p>Eingetragen im Vereinsregister des Amtsgerichts Leipzig, Registernummer VR 0000.</p>
        <h2>Kontakt</h2>
        <p>
          E-Mail: <a href={`mailto:${SITE.email}`}>{SITE.email}</a>
        </p>
        <h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>
        <p>Name und Anschrift der verantwortlichen Person.</p>
      </div>
    </>
  );
}
