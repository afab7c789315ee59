/** Pure mapping from API payloads and URL parameters to what the pages show (unit-tested). */
import { paperStatusEnumValues } from "./api-schema";
import { formatDate } from "./format";
import { ROUTES, SITE } from "./site";
import type { Demand, FacetName, FacetValue, NamedRef, PaperFilters, PaperListItem, PaperStatus, PaperStatusChoice } from "./types";

export type PaperStatusKind = "current" | "superseded" | "withdrawn";

const STATUS_KINDS: Record<PaperStatus, PaperStatusKind> = {
  aktuell: "current",
  ueberholt: "superseded",
  zurueckgezogen: "withdrawn",
};

/** What a paper's status means for the page: current, superseded or withdrawn. */
export function statusKind(status: PaperStatusChoice): PaperStatusKind {
  return STATUS_KINDS[status.value];
}

/** Sort by the position of each item's value in a choice set (the backend's order). */
export function byChoiceOrder<T>(values: readonly string[], value: (item: T) => string | undefined) {
  const rank = (item: T) => {
    const index = values.indexOf(value(item) ?? "");
    return index < 0 ? values.length : index;
  };
  return (a: T, b: T) => rank(a) - rank(b);
}

/** Options of a choice filter: the values public papers have (facets), in the backend's order. */
export function choiceOptions(values: readonly FacetValue[], order: readonly string[], selected: string): { value: string; label: string }[] {
  const options = [...values].sort(byChoiceOrder(order, (v) => v.value)).map(({ value, label }) => ({ value, label }));
  // A value from the URL that no paper has (any more) stays selectable, so the form shows it.
  return selected && !options.some((o) => o.value === selected) ? [...options, { value: selected, label: selected }] : options;
}

/** The page of a working group the API names by reference (references carry no URL). */
export function workingGroupPath(group: NamedRef): string {
  return `${ROUTES.workingGroups}${group.slug}/`;
}

/** Normalise a catch-all route's segments to the Wagtail path `/a/b/`. */
export function pathFromSegments(segments: readonly string[] | undefined): string {
  const clean = (segments ?? []).map((s) => decodeURIComponent(s)).filter(Boolean);
  return clean.length ? `/${clean.join("/")}/` : "/";
}

/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * A search highlight fragment made safe for `dangerouslySetInnerHTML`: only `<mark>` and
 * `</mark>` survive, everything else is escaped. The API already escapes fragments; this is
 * defence in depth, because a highlight is the one place user-influenced text becomes HTML.
 */
export function safeHighlight(fragment: string): string {
  const decoded = fragment
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
  return escapeHtml(decoded).replace(/&lt;(\/?)mark&gt;/gi, "<$1mark>");
}

/** The lead working group's name, then co-authors: "AK IT-Sicherheit, AK Software". */
export function authorsLine(paper: Pick<PaperListItem, "working_groups">): string {
  return paper.working_groups.map((g) => g.name).join(", ");
}

/** The citation text for a paper, stable for a given version (no access date). */
export function citationText(
  paper: Pick<PaperListItem, "title" | "subtitle" | "paper_type" | "version" | "published_at" | "citation_id" | "working_groups">,
  url: string,
): string {
  const groups = paper.working_groups.map((g) => `Arbeitskreis ${g.name.replace(/^(AK|Arbeitskreis)\s+/, "")}`);
  const authors = [SITE.legalName, ...groups].join(", ");
  const year = paper.published_at ? paper.published_at.slice(0, 4) : "o. J.";
  const title = paper.subtitle ? `${paper.title}. ${paper.subtitle}` : paper.title;
  const type = paper.paper_type.label;
  const when = paper.published_at ? ` vom ${formatDate(paper.published_at)}` : "";
  return `${authors} (${year}): ${title}. ${type}, Version ${paper.version}${when}. Zitier-ID: ${paper.citation_id}. ${url}`;
}

/** True when demands carry a legal synopsis (article or current wording), worth a table. */
export function isSynopsis(demands: readonly Demand[]): boolean {
  return demands.some((d) => Boolean(d.reference.trim() || d.current_wording.trim()));
}

/** Page numbers to show around the current one, with `null` for gaps. */
export function pageWindow(current: number, total: number, radius = 1): (number | null)[] {
  if (total <= 1) return [1];
  const pages = new Set<number>([1, total]);
  for (let p = current - radius; p <= current + radius; p += 1) if (p >= 1 && p <= total) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (i > 0 && prev !== undefined && p - prev > 1) out.push(null);
    out.push(p);
  });
  return out;
}

export type SearchParamsInput = Record<string, string | string[] | undefined>;

/** One value of a URL search parameter (the first). */
export function first(params: SearchParamsInput, key: string): string {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** All values of a URL search parameter. */
export function all(params: SearchParamsInput, key: string): string[] {
  const value = params[key];
  return (Array.isArray(value) ? value : value ? [value] : []).map((v) => v.trim()).filter(Boolean);
}

/** A positive page number from the URL; anything else is page 1. */
export function pageNumber(params: SearchParamsInput): number {
  const n = Number.parseInt(first(params, "seite") || first(params, "page"), 10);
  return Number.isFinite(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** Build `path?query` from a record, dropping empty values; arrays repeat the key. */
export function hrefWith(path: string, query: Record<string, string | number | readonly string[] | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => v && params.append(key, v));
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The paper list's filter parameters in the site's URL (the proxy lets only these through). */
export const PAPER_FILTER_KEYS = ["arbeitskreis", "art", "schlagwort", "adressat", "ebene", "vorhaben", "jahr"] as const;

export interface PaperListState {
  arbeitskreis: string;
  art: string;
  schlagwort: string;
  adressat: string;
  ebene: string;
  vorhaben: string;
  jahr: string;
  archiv: boolean;
  sortierung: string;
  seite: number;
}

export const PAPER_ORDERINGS: Record<string, { api: NonNullable<PaperFilters["ordering"]>; label: string }> = {
  neueste: { api: "-published_at", label: "Neueste zuerst" },
  aelteste: { api: "published_at", label: "Älteste zuerst" },
  titel: { api: "title", label: "Titel A–Z" },
};

export function paperListState(params: SearchParamsInput): PaperListState {
  const ordering = first(params, "sortierung");
  return {
    arbeitskreis: first(params, "arbeitskreis"),
    art: first(params, "art"),
    schlagwort: first(params, "schlagwort"),
    adressat: first(params, "adressat"),
    ebene: first(params, "ebene"),
    vorhaben: first(params, "vorhaben"),
    jahr: /^\d{4}$/.test(first(params, "jahr")) ? first(params, "jahr") : "",
    archiv: first(params, "archiv") === "1",
    sortierung: ordering in PAPER_ORDERINGS ? ordering : "neueste",
    seite: pageNumber(params),
  };
}

/** The /api/v1/papers/ query for a list state. */
export function paperListQuery(state: PaperListState, pageSize = 20): PaperFilters {
  return {
    working_group: state.arbeitskreis || undefined,
    // Values from the URL go to the API as typed; it answers unknown ones with a 400.
    paper_type: (state.art || undefined) as PaperFilters["paper_type"],
    tag: state.schlagwort ? [state.schlagwort] : undefined,
    addressee: state.adressat || undefined,
    level: (state.ebene || undefined) as PaperFilters["level"],
    regulatory_project: state.vorhaben || undefined,
    published_after: state.jahr ? `${state.jahr}-01-01` : undefined,
    published_before: state.jahr ? `${state.jahr}-12-31` : undefined,
    status: state.archiv ? [...paperStatusEnumValues] : undefined,
    ordering: PAPER_ORDERINGS[state.sortierung]?.api,
    page: state.seite > 1 ? state.seite : undefined,
    page_size: pageSize,
  };
}

/** The list state as the site's URL query (for links that change one filter). */
export function paperListHref(state: PaperListState, change: Partial<PaperListState> = {}): string {
  const next = { ...state, seite: 1, ...change };
  return hrefWith("/positionen/", {
    arbeitskreis: next.arbeitskreis,
    art: next.art,
    schlagwort: next.schlagwort,
    adressat: next.adressat,
    ebene: next.ebene,
    vorhaben: next.vorhaben,
    jahr: next.jahr,
    archiv: next.archiv ? "1" : undefined,
    sortierung: next.sortierung !== "neueste" ? next.sortierung : undefined,
    seite: next.seite > 1 ? next.seite : undefined,
  });
}

/** Search state from the URL: `q`, facet filters (repeatable), page. */
export interface SearchState {
  q: string;
  filters: Partial<Record<FacetName, string[]>>;
  page: number;
}

export const SEARCH_FACETS: readonly FacetName[] = [
  "working_group",
  "paper_type",
  "level",
  "addressee",
  "regulatory_project",
  "tag",
  "year",
];

export function searchState(params: SearchParamsInput): SearchState {
  const filters: SearchState["filters"] = {};
  for (const facet of SEARCH_FACETS) {
    const values = all(params, facet);
    if (values.length) filters[facet] = values;
  }
  return { q: first(params, "q").slice(0, 200), filters, page: pageNumber(params) };
}

export function searchHref(state: SearchState, change: Partial<SearchState> = {}): string {
  const next = { ...state, page: 1, ...change };
  return hrefWith("/suche/", { q: next.q, ...next.filters, seite: next.page > 1 ? next.page : undefined });
}

/** Toggle one facet value in a search state (for the no-JS facet links). */
export function toggleFacet(state: SearchState, facet: FacetName, value: string): SearchState {
  const current = state.filters[facet] ?? [];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters };
  if (values.length) filters[facet] = values;
  else delete filters[facet];
  return { ...state, filters, page: 1 };
}

/** Truncate text at a word boundary. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:–-]+$/, "")} …`;
}

/** Group items by a key, keeping first-seen order of the keys. */
export function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()];
}
