/**
 * API payloads for the unit tests, typed by the types generated from the OpenAPI schema:
 * a fixture the API could not send does not compile (`tsc`, part of `make test`).
 */
import type { PaperDetail, PaperListItem, PaperRef, PaperStatusChoice } from "@/lib/types";

export const CURRENT: PaperStatusChoice = { value: "aktuell", label: "aktuell" };
export const SUPERSEDED: PaperStatusChoice = { value: "ueberholt", label: "überholt" };
export const WITHDRAWN: PaperStatusChoice = { value: "zurueckgezogen", label: "zurückgezogen" };

/** A paper list item as PaperListSerializer renders it. */
export function paperListItem(overrides: Partial<PaperListItem> = {}): PaperListItem {
  return {
    id: 7,
    slug: "nis2",
    citation_id: "CITM-STN-2025-07",
    title: "NIS2 umsetzen",
    subtitle: "Stellungnahme zum Referentenentwurf",
    summary: "Der Arbeitskreis fordert eine schlanke Umsetzung der NIS2-Richtlinie.",
    paper_type: { value: "stellungnahme", label: "Stellungnahme" },
    status: CURRENT,
    published_at: "2025-03-12",
    version: "1.1",
    working_groups: [{ slug: "it-sicherheit", name: "IT-Sicherheit" }],
    tags: [{ slug: "nis2", name: "NIS2" }],
    addressees: [{ slug: "bmi", name: "Bundesministerium des Innern", level: { value: "Bund", label: "Bund" } }],
    url: "/arbeitskreise/it-sicherheit/nis2/",
    api_url: "/api/v1/papers/nis2/",
    pdf_url: "http://127.0.0.1:8000/documents/1/nis2.pdf",
    ...overrides,
  };
}

/** A reference to another paper as PaperRefSerializer renders it. */
export function paperRef(overrides: Partial<PaperRef> = {}): PaperRef {
  return {
    id: 3,
    slug: "alt",
    citation_id: "CITM-POS-2023-01",
    title: "Älteres Papier",
    paper_type: { value: "positionspapier", label: "Positionspapier" },
    status: SUPERSEDED,
    published_at: "2023-01-01",
    version: "1.0",
    url: "/arbeitskreise/it-sicherheit/alt/",
    api_url: "/api/v1/papers/alt/",
    ...overrides,
  };
}

const demand = {
  reference: "§ 32 BSIG-E",
  current_wording: "Meldung binnen 24 Stunden",
  proposed_change: "Eine Meldestelle für alle Meldungen",
  rationale: "Doppelmeldungen vermeiden",
};

/** A paper detail as PaperDetailSerializer renders it. */
export function paperDetail(overrides: Partial<PaperDetail> = {}): PaperDetail {
  return {
    ...paperListItem(),
    body: [
      { type: "heading", value: { text: "Ausgangslage", level: "h2" }, id: "b1" },
      { type: "paragraph", value: "<p>Die Richtlinie <strong>muss</strong> bis Oktober umgesetzt sein.</p>", id: "b2" },
      { type: "demand", value: demand, id: "b3" },
      { type: "quote", value: { text: "Sicherheit braucht Klarheit.", attribution: "Sprecherin des AK" }, id: "b4" },
      {
        type: "table",
        value: { caption: "Fristen", first_row_is_header: true, first_column_is_header: false, rows: [["Pflicht", "Frist"], ["Erstmeldung", "24 h"]] },
        id: "b5",
      },
      { type: "reference", value: { label: "1", text: "Richtlinie (EU) 2022/2555", url: "https://eur-lex.europa.eu/eli/dir/2022/2555/oj" }, id: "b6" },
    ],
    at_a_glance: { verdict: "Die Umsetzung muss KMU entlasten.", key_demands: ["Meldepflichten bündeln", "KMU entlasten"] },
    demands: [
      {
        id: "b3",
        ...demand,
        impact: {
          status: { value: "partly_adopted", label: "teilweise übernommen" },
          printed_paper: "21/1501",
          dip_url: "https://dip.bundestag.de/vorgang/1",
          law_text: "",
          decided_on: "2025-11-13",
          note: "Im Ausschuss geändert.",
        },
      },
      { id: "b9", reference: "", current_wording: "", proposed_change: "Förderprogramm für KMU", rationale: "", impact: null },
    ],
    regulatory_projects: [
      {
        slug: "nis2umsucg",
        title: "NIS-2-Umsetzungs- und Cybersicherheitsstärkungsgesetz",
        short_title: "NIS2UmsuCG",
        kind: { value: "gesetz", label: "Gesetz" },
        level: { value: "Bund", label: "Bund" },
        drucksache: "BT-Drs. 21/1501",
        lobbyregister_number: "",
        link: "https://dip.bundestag.de/",
        consultation_deadline: null,
      },
    ],
    dispatches: [
      {
        addressee: { slug: "bmi", name: "Bundesministerium des Innern", level: { value: "Bund", label: "Bund" } },
        sent_on: "2025-03-13",
      },
    ],
    supersedes: [],
    superseded_by: null,
    signatories: [{ slug: "acme", name: "ACME IT GmbH", city: "Leipzig", website: "" }],
    contact: { name: "Dr. Erika Muster", role: "Sprecherin", email: "erika@example.org" },
    related: [paperRef()],
    last_published_at: "2025-03-12T10:00:00+01:00",
    versions: [
      { version: "1.1", published_at: "2025-03-12T10:00:00+01:00" },
      { version: "1.0", published_at: "2025-02-01T09:00:00+01:00" },
    ],
    ...overrides,
  };
}
