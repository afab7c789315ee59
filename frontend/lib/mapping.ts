/** Pure mapping from API payloads and URL parameters to what the pages show (unit-tested). */
import { formatDate } from "./format";
import {
  EVENT_TYPE_LABELS,
  LEVEL_LABELS,
  PAPER_STATUS_LABELS,
  PAPER_TYPE_LABELS,
  REGULATORY_KIND_LABELS,
  SITE,
  STATE_LABELS,
} from "./site";
import type {
  ChoiceLike,
  Demand,
  PaperDetail,
  PaperListItem,
  PaperRef,
  StreamBlock,
  SuggestResponse,
  TableValue,
  VersionEntry,
  WorkingGroupListItem,
} from "./types";

/** The value of a choice field, whether the API sends `{value, label}` or the bare value. */
export function choiceValue(choice: ChoiceLike | null | undefined): string {
  if (choice == null) return "";
  return typeof choice === "string" ? choice : choice.value;
}

/** The German label of a choice field, with a local table as fallback. */
export function choiceLabel(choice: ChoiceLike | null | undefined, labels: Record<string, string> = {}): string {
  if (choice == null) return "";
  if (typeof choice !== "string") return choice.label || labels[choice.value] || choice.value;
  return labels[choice] ?? choice;
}

export const paperTypeLabel = (c: ChoiceLike | null | undefined) => choiceLabel(c, PAPER_TYPE_LABELS);
export const statusLabel = (c: ChoiceLike | null | undefined) => choiceLabel(c, PAPER_STATUS_LABELS);
export const levelLabel = (c: ChoiceLike | null | undefined) => choiceLabel(c, LEVEL_LABELS);
export const stateLabel = (c: ChoiceLike | null | undefined) => choiceLabel(c, STATE_LABELS);
export const kindLabel = (c: ChoiceLike | null | undefined) => choiceLabel(c, REGULATORY_KIND_LABELS);
export const eventTypeLabel = (c: ChoiceLike | null | undefined) => choiceLabel(c, EVENT_TYPE_LABELS);

export type PaperStatusKind = "current" | "superseded" | "withdrawn";

/** The status as one of three kinds, tolerant of "überholt"/"ueberholt" spellings. */
export function statusKind(status: ChoiceLike | null | undefined): PaperStatusKind {
  const value = choiceValue(status).toLowerCase();
  if (value.startsWith("ueberholt") || value.startsWith("überholt") || value === "superseded") return "superseded";
  if (value.startsWith("zurueck") || value.startsWith("zurück") || value === "withdrawn") return "withdrawn";
  return "current";
}

/** A working group's display name (`name`, else the page `title`). */
export function groupName(group: Pick<WorkingGroupListItem, "name" | "title" | "slug">): string {
  return group.name || group.title || group.slug;
}

/** A frontend path for an API `url` (absolute or relative); always with a trailing slash. */
export function pagePath(url: string | null | undefined): string {
  if (!url) return "/";
  let path = url;
  if (/^https?:\/\//.test(url)) {
    try {
      path = new URL(url).pathname;
    } catch {
      path = url;
    }
  }
  if (!path.startsWith("/")) path = `/${path}`;
  return path.endsWith("/") ? path : `${path}/`;
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

/** The first highlight of a field as an array of fragments. */
export function highlightFragments(value: string[] | string | null | undefined): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).filter((f) => typeof f === "string" && f.trim() !== "");
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
  const type = paperTypeLabel(paper.paper_type);
  const when = paper.published_at ? ` vom ${formatDate(paper.published_at)}` : "";
  return `${authors} (${year}): ${title}. ${type}, Version ${paper.version}${when}. Zitier-ID: ${paper.citation_id}. ${url}`;
}

/** The key demands "at a glance" as plain strings. */
export function keyDemands(paper: Pick<PaperDetail, "at_a_glance">): string[] {
  const demands = paper.at_a_glance?.key_demands ?? [];
  return demands.map((d) => (typeof d === "string" ? d : d.text)).filter(Boolean);
}

/** The structured demands: the API's `demands`, or those found in the body. */
export function paperDemands(paper: Pick<PaperDetail, "demands" | "body">): Demand[] {
  if (Array.isArray(paper.demands) && paper.demands.length) return paper.demands;
  return (paper.body ?? []).filter((b) => b.type === "demand").map((b) => b.value as Demand);
}

/** True when demands carry a legal synopsis (article or current wording), worth a table. */
export function isSynopsis(demands: readonly Demand[]): boolean {
  return demands.some((d) => Boolean(d.reference?.trim() || d.current_wording?.trim()));
}

/** The public version history, newest first, whatever the field is called. */
export function versionHistory(paper: Partial<PaperDetail>): { version: string; date: string }[] {
  const raw: VersionEntry[] = paper.version_history ?? paper.history ?? paper.versions ?? [];
  const entries = raw.map((e) => ({ version: e.version ?? e.version_label ?? "", date: e.published_at }));
  return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** The papers this one supersedes, as a list. */
export function supersededPapers(paper: Pick<PaperDetail, "supersedes">): PaperRef[] {
  if (!paper.supersedes) return [];
  return Array.isArray(paper.supersedes) ? paper.supersedes : [paper.supersedes];
}

/** Body blocks with the heading outline checked: an h3 never comes before the first h2. */
export function bodyBlocks(blocks: readonly StreamBlock[] | undefined): StreamBlock[] {
  return (blocks ?? []).filter((b) => b && typeof b.type === "string");
}

/** Suggestions as `{text, url?}` from whatever shape the suggest endpoint sends. */
export function suggestions(answer: SuggestResponse | (string | { text?: string; title?: string; url?: string })[]): { text: string; url?: string }[] {
  const raw = Array.isArray(answer) ? answer : (answer.suggestions ?? answer.results ?? []);
  const out: { text: string; url?: string }[] = [];
  for (const item of raw) {
    if (typeof item === "string") out.push({ text: item });
    else if (item && (item.text || ("title" in item && item.title))) {
      out.push({ text: (item.text ?? ("title" in item ? item.title : "")) as string, url: item.url });
    }
  }
  return out.slice(0, 8);
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

/** The paper-list filters of the site's URL (German names) and the API query they map to. */
export const PAPER_FILTER_PARAMS = {
  arbeitskreis: "working_group",
  art: "paper_type",
  schlagwort: "tag",
  adressat: "addressee",
  ebene: "level",
  vorhaben: "regulatory_project",
  jahr: "year",
} as const;

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

export const PAPER_ORDERINGS: Record<string, { api: string; label: string }> = {
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
export function paperListQuery(state: PaperListState, pageSize = 20): Record<string, string | number | string[] | undefined> {
  return {
    working_group: state.arbeitskreis || undefined,
    paper_type: state.art || undefined,
    tag: state.schlagwort ? [state.schlagwort] : undefined,
    addressee: state.adressat || undefined,
    level: state.ebene || undefined,
    regulatory_project: state.vorhaben || undefined,
    published_after: state.jahr ? `${state.jahr}-01-01` : undefined,
    published_before: state.jahr ? `${state.jahr}-12-31` : undefined,
    status: state.archiv ? ["aktuell", "ueberholt", "zurueckgezogen"] : undefined,
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
  filters: Record<string, string[]>;
  page: number;
}

export const SEARCH_FACETS = [
  "working_group",
  "paper_type",
  "level",
  "addressee",
  "regulatory_project",
  "tag",
  "year",
] as const;

export function searchState(params: SearchParamsInput): SearchState {
  const filters: Record<string, string[]> = {};
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
export function toggleFacet(state: SearchState, facet: string, value: string): SearchState {
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
export function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()];
}

/** A table block in one shape, whichever field names the API used. */
export function tableShape(value: TableValue): {
  caption: string;
  headerRow: boolean;
  headerColumn: boolean;
  rows: string[][];
} {
  const rows = (value.rows ?? value.data ?? []).map((row) => (row ?? []).map((cell) => cell ?? ""));
  return {
    caption: value.caption ?? value.table_caption ?? "",
    headerRow: Boolean(value.first_row_is_header ?? value.first_row_is_table_header),
    headerColumn: Boolean(value.first_column_is_header ?? value.first_col_is_header),
    rows,
  };
}
