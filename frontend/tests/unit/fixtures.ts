import type { PaperDetail, PaperListItem } from "@/lib/types";

/** A paper list item shaped like PaperListSerializer's output. */
export function paperListItem(overrides: Partial<PaperListItem> = {}): PaperListItem {
  return {
    id: 7,
    slug: "nis2",
    citation_id: "CITM-STN-2025-07",
    title: "NIS2 umsetzen",
    subtitle: "Stellungnahme zum Referentenentwurf",
    summary: "Der Arbeitskreis fordert eine schlanke Umsetzung der NIS2-Richtlinie.",
    paper_type: { value: "stellungnahme", label: "Stellungnahme" },
    status: "aktuell",
    published_at: "2025-03-12",
    version: "1.1",
    working_groups: [{ slug: "it-sicherheit", name: "IT-Sicherheit" }],
    tags: [{ slug: "nis2", name: "NIS2" }],
    addressees: [{ slug: "bmi", name: "Bundesministerium des Innern", level: "Bund" }],
    url: "/arbeitskreise/it-sicherheit/nis2/",
    api_url: "/api/v1/papers/nis2/",
    pdf_url: "http://127.0.0.1:8000/documents/1/nis2.pdf",
    ...overrides,
  };
}

/** A paper detail shaped like PaperDetailSerializer's output. */
export function paperDetail(overrides: Partial<PaperDetail> = {}): PaperDetail {
  return {
    ...paperListItem(),
    body: [
      { type: "heading", value: { text: "Ausgangslage", level: "h2" }, id: "b1" },
      { type: "paragraph", value: "<p>Die Richtlinie <strong>muss</strong> bis Oktober umgesetzt sein.</p>", id: "b2" },
      {
        type: "demand",
        value: { reference: "§ 32 BSIG-E", current_wording: "Meldung binnen 24 Stunden", proposed_change: "Eine Meldestelle für alle Meldungen", rationale: "Doppelmeldungen vermeiden" },
        id: "b3",
      },
      { type: "quote", value: { text: "Sicherheit braucht Klarheit.", attribution: "Sprecherin des AK" }, id: "b4" },
      { type: "table", value: { caption: "Fristen", first_row_is_header: true, first_column_is_header: false, rows: [["Pflicht", "Frist"], ["Erstmeldung", "24 h"]] }, id: "b5" },
      { type: "reference", value: { label: "1", text: "Richtlinie (EU) 2022/2555", url: "https://eur-lex.europa.eu/eli/dir/2022/2555/oj" }, id: "b6" },
    ],
    at_a_glance: { verdict: "Die Umsetzung muss KMU entlasten.", key_demands: ["Meldepflichten bündeln", "KMU entlasten"] },
    demands: [
      { id: "b3", reference: "§ 32 BSIG-E", current_wording: "Meldung binnen 24 Stunden", proposed_change: "Eine Meldestelle für alle Meldungen", rationale: "Doppelmeldungen vermeiden" },
      { id: "b9", reference: "", current_wording: "", proposed_change: "Förderprogramm für KMU", rationale: "" },
    ],
    regulatory_projects: [
      { slug: "nis2umsucg", title: "NIS-2-Umsetzungs- und Cybersicherheitsstärkungsgesetz", short_title: "NIS2UmsuCG", kind: { value: "gesetz", label: "Gesetz" }, level: "Bund", drucksache: "BT-Drs. 21/1501", lobbyregister_number: "", link: "https://dip.bundestag.de/", consultation_deadline: null },
    ],
    dispatches: [{ addressee: { slug: "bmi", name: "Bundesministerium des Innern", level: "Bund" }, sent_on: "2025-03-13" }],
    supersedes: [],
    superseded_by: null,
    signatories: [{ slug: "acme", name: "ACME IT GmbH", city: "Leipzig", website: "" }],
    contact: { name: "Dr. Erika Muster", role: "Sprecherin", email: "erika@example.org" },
    related: [{ slug: "alt", title: "Älteres Papier", url: "/arbeitskreise/it-sicherheit/alt/", citation_id: "CITM-POS-2023-01", status: "ueberholt", published_at: "2023-01-01", paper_type: { value: "positionspapier", label: "Positionspapier" } }],
    last_published_at: "2025-03-12T10:00:00+01:00",
    versions: [
      { version: "1.0", published_at: "2025-02-01T09:00:00+01:00" },
      { version: "1.1", published_at: "2025-03-12T10:00:00+01:00" },
    ],
    ...overrides,
  };
}
