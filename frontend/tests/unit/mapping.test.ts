import { describe, expect, it } from "vitest";
import { levelEnumValues, paperStatusEnumValues } from "@/lib/api-schema";
import {
  byChoiceOrder,
  choiceOptions,
  citationText,
  hrefWith,
  isSynopsis,
  pageNumber,
  pageWindow,
  paperListHref,
  paperListQuery,
  paperListState,
  pathFromSegments,
  safeHighlight,
  searchHref,
  searchState,
  sitePath,
  statusKind,
  toggleFacet,
  truncate,
  workingGroupPath,
} from "@/lib/mapping";
import { CURRENT, SUPERSEDED, WITHDRAWN, paperDetail } from "./fixtures";

describe("choices", () => {
  it("knows what each status of the API means for a page", () => {
    expect(statusKind(CURRENT)).toBe("current");
    expect(statusKind(SUPERSEDED)).toBe("superseded");
    expect(statusKind(WITHDRAWN)).toBe("withdrawn");
    // Every status the schema declares has a meaning (the table is typed by the enum).
    expect(paperStatusEnumValues.map((value) => statusKind({ value, label: value }))).toEqual(["current", "superseded", "withdrawn"]);
  });
  it("orders by the backend's choice order and keeps a selected value the facets lack", () => {
    const facets = [
      { value: "Land", label: "Land", count: 9 },
      { value: "EU", label: "EU", count: 1 },
      { value: "Bund", label: "Bund", count: 4 },
    ];
    expect(choiceOptions(facets, levelEnumValues, "")).toEqual([
      { value: "EU", label: "EU" },
      { value: "Bund", label: "Bund" },
      { value: "Land", label: "Land" },
    ]);
    expect(choiceOptions(facets, levelEnumValues, "Kommune").at(-1)).toEqual({ value: "Kommune", label: "Kommune" });
    expect(["x", "Kommune", "EU"].sort(byChoiceOrder(levelEnumValues, (v) => v))).toEqual(["EU", "Kommune", "x"]);
  });
});

describe("paths", () => {
  it("links working groups the API names by reference", () => {
    expect(workingGroupPath({ slug: "it-sicherheit", name: "IT-Sicherheit" })).toBe("/arbeitskreise/it-sicherheit/");
  });
  it("joins catch-all segments", () => {
    expect(pathFromSegments(["arbeitskreise", "it-sicherheit"])).toBe("/arbeitskreise/it-sicherheit/");
    expect(pathFromSegments(["ver%C3%A4nderung"])).toBe("/veränderung/");
    expect(pathFromSegments([])).toBe("/");
  });
  it("accepts only paths of this site as a redirect target", () => {
    expect(sitePath("/arbeitskreise/software/cloud/")).toBe("/arbeitskreise/software/cloud/");
    for (const foreign of ["https://evil.example/", "//evil.example/", "/\\evil.example/", "evil", "", null]) {
      expect(sitePath(foreign)).toBeNull();
    }
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
  it("shows a synopsis only when demands name an article or the current wording", () => {
    expect(isSynopsis(paper.demands)).toBe(true);
    expect(isSynopsis([{ id: "d", proposed_change: "x", reference: "", current_wording: "", rationale: "", impact: null }])).toBe(false);
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
    expect(state).toEqual({ q: "Fachkräfte", filters: { tag: ["a", "b"], level: ["Bund"] }, page: 2, exact: false });
    expect(searchHref(state)).toBe("/suche/?q=Fachkr%C3%A4fte&level=Bund&tag=a&tag=b");
    expect(toggleFacet(state, "tag", "a").filters.tag).toEqual(["b"]);
    expect(toggleFacet(state, "level", "Bund").filters.level).toBeUndefined();
    expect(toggleFacet(state, "year", "2024").filters.year).toEqual(["2024"]);
  });
  it("keeps the exact spelling (no auto-correction) until the query changes", () => {
    const state = searchState({ q: "Cybersicherhiet", genau: "1" });
    expect(state.exact).toBe(true);
    expect(searchHref(state)).toBe("/suche/?q=Cybersicherhiet&genau=1");
    expect(searchHref({ ...searchState({ q: "Cybersicherhiet" }), exact: true })).toBe("/suche/?q=Cybersicherhiet&genau=1");
    expect(searchHref(state, { q: "Cloud" })).toBe("/suche/?q=Cloud");
    expect(searchState({ q: "x", genau: "ja" }).exact).toBe(false);
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
});
