import { describe, expect, it } from "vitest";
import {
  choiceLabel,
  choiceValue,
  citationText,
  hrefWith,
  isSynopsis,
  keyDemands,
  pagePath,
  pageNumber,
  pageWindow,
  paperDemands,
  paperListHref,
  paperListQuery,
  paperListState,
  pathFromSegments,
  safeHighlight,
  searchHref,
  searchState,
  statusKind,
  statusLabel,
  suggestions,
  supersededPapers,
  tableShape,
  toggleFacet,
  truncate,
  versionHistory,
} from "@/lib/mapping";
import { paperDetail } from "./fixtures";

describe("choices", () => {
  it("reads {value,label} and bare values", () => {
    expect(choiceValue({ value: "stellungnahme", label: "Stellungnahme" })).toBe("stellungnahme");
    expect(choiceValue("aktuell")).toBe("aktuell");
    expect(choiceLabel({ value: "x", label: "Iks" })).toBe("Iks");
    expect(statusLabel("ueberholt")).toBe("überholt");
    expect(statusLabel("zurueckgezogen")).toBe("zurückgezogen");
  });
  it("classifies status spellings", () => {
    expect(statusKind("aktuell")).toBe("current");
    expect(statusKind("ueberholt")).toBe("superseded");
    expect(statusKind({ value: "überholt", label: "überholt" })).toBe("superseded");
    expect(statusKind("zurueckgezogen")).toBe("withdrawn");
    expect(statusKind(undefined)).toBe("current");
  });
});

describe("paths", () => {
  it("normalises API urls to frontend paths with a trailing slash", () => {
    expect(pagePath("/arbeitskreise/it-sicherheit/")).toBe("/arbeitskreise/it-sicherheit/");
    expect(pagePath("http://example.org/arbeitskreise/x")).toBe("/arbeitskreise/x/");
    expect(pagePath("arbeitskreise")).toBe("/arbeitskreise/");
    expect(pagePath(null)).toBe("/");
  });
  it("joins catch-all segments", () => {
    expect(pathFromSegments(["arbeitskreise", "it-sicherheit"])).toBe("/arbeitskreise/it-sicherheit/");
    expect(pathFromSegments(["ver%C3%A4nderung"])).toBe("/veränderung/");
    expect(pathFromSegments([])).toBe("/");
  });
});

describe("safeHighlight", () => {
  it("keeps <mark> and escapes everything else", () => {
    expect(safeHighlight("Die <mark>NIS2</mark>-Umsetzung")).toBe("Die <mark>NIS2</mark>-Umsetzung");
    expect(safeHighlight('<img src=x onerror="alert(1)"><mark>x</mark>')).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;<mark>x</mark>",
    );
  });
  it("does not double-escape fragments the API already escaped", () => {
    expect(safeHighlight("a &lt;b&gt; &amp; <mark>c</mark>")).toBe("a &lt;b&gt; &amp; <mark>c</mark>");
    expect(safeHighlight("&lt;script&gt;")).toBe("&lt;script&gt;");
  });
});

describe("paper details", () => {
  const paper = paperDetail();
  it("builds a stable citation with the citation ID and URL", () => {
    const text = citationText(paper, "https://example.org/arbeitskreise/it-sicherheit/nis2/");
    expect(text).toBe(
      "Cluster IT Mitteldeutschland e. V., Arbeitskreis IT-Sicherheit (2025): NIS2 umsetzen. Stellungnahme zum Referentenentwurf. Stellungnahme, Version 1.1 vom 12.03.2025. Zitier-ID: CITM-STN-2025-07. https://example.org/arbeitskreise/it-sicherheit/nis2/",
    );
  });
  it("reads key demands and structured demands", () => {
    expect(keyDemands(paper)).toEqual(["Meldepflichten bündeln", "KMU entlasten"]);
    expect(paperDemands(paper)).toHaveLength(2);
    expect(isSynopsis(paperDemands(paper))).toBe(true);
    expect(isSynopsis([{ proposed_change: "x", reference: "", current_wording: "" }])).toBe(false);
    expect(paperDemands({ demands: [], body: paper.body })).toHaveLength(1);
  });
  it("sorts the version history newest first", () => {
    expect(versionHistory(paper)).toEqual([
      { version: "1.1", date: "2025-03-12T10:00:00+01:00" },
      { version: "1.0", date: "2025-02-01T09:00:00+01:00" },
    ]);
  });
  it("accepts supersedes as a list or a single reference", () => {
    expect(supersededPapers({ supersedes: [] })).toEqual([]);
    expect(supersededPapers({ supersedes: { slug: "a", title: "A", url: "/a/" } })).toHaveLength(1);
  });
  it("reads both table block shapes", () => {
    expect(tableShape({ caption: "C", first_row_is_header: true, rows: [["a", null]] })).toEqual({
      caption: "C",
      headerRow: true,
      headerColumn: false,
      rows: [["a", ""]],
    });
    expect(tableShape({ table_caption: "T", first_col_is_header: true, data: [["x"]] }).headerColumn).toBe(true);
  });
});

describe("paper list URL state", () => {
  it("parses German parameters and maps them to the API query", () => {
    const state = paperListState({ arbeitskreis: "it-sicherheit", jahr: "2024", archiv: "1", seite: "3", sortierung: "titel" });
    const query = paperListQuery(state, 20);
    expect(query).toMatchObject({
      working_group: "it-sicherheit",
      published_after: "2024-01-01",
      published_before: "2024-12-31",
      status: ["aktuell", "ueberholt", "zurueckgezogen"],
      ordering: "title",
      page: 3,
      page_size: 20,
    });
    expect(query.tag).toBeUndefined();
  });
  it("ignores junk and builds shareable links that reset the page", () => {
    const state = paperListState({ jahr: "19x9", seite: "-2", sortierung: "evil" });
    expect(state.jahr).toBe("");
    expect(state.seite).toBe(1);
    expect(state.sortierung).toBe("neueste");
    const withGroup = paperListState({ arbeitskreis: "software", seite: "4" });
    expect(paperListHref(withGroup, { art: "stellungnahme" })).toBe("/positionen/?arbeitskreis=software&art=stellungnahme");
    expect(paperListHref(withGroup, { seite: 2 })).toBe("/positionen/?arbeitskreis=software&seite=2");
  });
});

describe("search URL state", () => {
  it("keeps repeatable facets and toggles them", () => {
    const state = searchState({ q: "  Fachkräfte ", tag: ["a", "b"], level: "Bund", seite: "2", unknown: "x" });
    expect(state).toEqual({ q: "Fachkräfte", filters: { tag: ["a", "b"], level: ["Bund"] }, page: 2 });
    expect(searchHref(state)).toBe("/suche/?q=Fachkr%C3%A4fte&level=Bund&tag=a&tag=b");
    expect(toggleFacet(state, "tag", "a").filters.tag).toEqual(["b"]);
    expect(toggleFacet(state, "level", "Bund").filters.level).toBeUndefined();
    expect(toggleFacet(state, "year", "2024").filters.year).toEqual(["2024"]);
  });
  it("caps the query at 200 characters", () => {
    expect(searchState({ q: "x".repeat(300) }).q).toHaveLength(200);
  });
});

describe("helpers", () => {
  it("windows page numbers with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });
  it("reads page numbers defensively", () => {
    expect(pageNumber({ seite: "2" })).toBe(2);
    expect(pageNumber({ seite: "abc" })).toBe(1);
    expect(pageNumber({ page: "99999" })).toBe(1);
  });
  it("builds query strings without empty values", () => {
    expect(hrefWith("/x/", { a: "", b: undefined, c: "1", d: ["p", "q"] })).toBe("/x/?c=1&d=p&d=q");
    expect(hrefWith("/x/", {})).toBe("/x/");
  });
  it("truncates at a word boundary", () => {
    expect(truncate("kurz", 10)).toBe("kurz");
    expect(truncate("Ein ziemlich langer Satz über Fachkräfte", 20)).toBe("Ein ziemlich langer …");
  });
  it("normalises suggestion shapes", () => {
    expect(suggestions({ suggestions: ["NIS2", { text: "NIS2-Umsetzung", url: "/a/" }] })).toEqual([
      { text: "NIS2" },
      { text: "NIS2-Umsetzung", url: "/a/" },
    ]);
    expect(suggestions({ results: [{ title: "Titel", url: "/t/" }] })).toEqual([{ text: "Titel", url: "/t/" }]);
    expect(suggestions(Array.from({ length: 12 }, (_, i) => `s${i}`))).toHaveLength(8);
  });
});
