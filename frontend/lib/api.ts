/**
 * The typed client of the Sprachrohr read API (/api/v1): the only module that fetches.
 *
 * Answers are kept in Next's data cache for REVALIDATE_SECONDS under one tag, so the
 * backend's revalidation webhook (app/api/revalidate) can drop them all the moment an
 * editor publishes (why all: see that route). Search, suggestions, previews and shared drafts are never
 * cached (the unfiltered search's facets, which the filter form of the paper list uses, are).
 */
import "server-only";

import { REVALIDATE_SECONDS, apiBaseUrl } from "./site";
import type {
  AddresseePage,
  EventDetail,
  EventFilters,
  EventPage,
  Facets,
  OrganisationPage,
  PageResolution,
  PaperDetail,
  PaperFilters,
  PaperPage,
  PreviewPayload,
  Problem,
  ImpactSummary,
  RegulatoryProjectPage,
  SearchClick,
  SearchResponse,
  SubscriptionOverview,
  SharedDraft,
  SuggestResponse,
  TagPage,
  WorkingGroupDetail,
  WorkingGroupPage,
} from "./types";

/** The one cache tag of every cached API answer; the revalidation route drops it. */
export const API_TAG = "api";

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

/** An error answer of the API (problem+json) or a backend that could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  readonly url: string;

  constructor(status: number, url: string, problem: Problem | null, message?: string) {
    super(message ?? problem?.detail ?? `API-Fehler ${status} bei ${url}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.url = url;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** Build `path?query` with repeatable parameters; empty values are left out. */
export function buildApiUrl(path: string, query: Query = {}, base: string = apiBaseUrl()): string {
  const url = new URL(path.startsWith("http") ? path : `${base}${path}`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== "") url.searchParams.append(key, item);
    } else {
      url.searchParams.set(key, String(value));
    }
  }
  return url.toString();
}

interface RequestOptions {
  /** `false`: never cached (search, preview). */
  cache?: boolean;
  /** A JSON body: the request is a POST and never cached. */
  body?: unknown;
}

async function request<T>(path: string, query: Query = {}, options: RequestOptions = {}): Promise<T> {
  const url = buildApiUrl(path, query);
  const init: RequestInit & { next?: { revalidate?: number; tags?: string[] } } =
    options.cache === false || options.body !== undefined
      ? { cache: "no-store" }
      : { next: { revalidate: REVALIDATE_SECONDS, tags: [API_TAG] } };
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": "de" };
  if (options.body !== undefined) {
    init.method = "POST";
    init.body = JSON.stringify(options.body);
    headers["Content-Type"] = "application/json";
  }
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch (error) {
    throw new ApiError(503, url, null, `Backend nicht erreichbar (${url}): ${String(error)}`);
  }
  if (!response.ok) {
    let problem: Problem | null = null;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, url, problem);
  }
  return (await response.json()) as T;
}

/** A write to the API (subscriptions): never cached; answers the status and the JSON body. */
async function send(method: "POST" | "DELETE" | "GET", path: string, body?: unknown): Promise<{ status: number; data: unknown }> {
  const url = buildApiUrl(path);
  try {
    const response = await fetch(url, {
      method,
      cache: "no-store",
      headers: { Accept: "application/json", "Accept-Language": "de", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data: unknown = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    return { status: response.status, data };
  } catch {
    return { status: 503, data: null };
  }
}

/** True when the backend failed or could not be reached (as opposed to a 4xx answer). */
export function isBackendDown(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 500;
}

/** `null` instead of an ApiError for a 404. */
async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound) return null;
    throw error;
  }
}

/** Turn an `api_url` from the API (absolute or relative) into a path under the API base. */
function apiPath(apiUrl: string): string {
  try {
    const url = new URL(apiUrl, apiBaseUrl());
    return `${url.pathname}${url.search}`;
  } catch {
    return apiUrl;
  }
}

export const api = {
  papers(filters: PaperFilters = {}): Promise<PaperPage> {
    return request("/api/v1/papers/", { ...filters });
  },
  paper(slug: string): Promise<PaperDetail | null> {
    return orNull(request(`/api/v1/papers/${encodeURIComponent(slug)}/`));
  },
  workingGroups(): Promise<WorkingGroupPage> {
    return request("/api/v1/working-groups/", { page_size: 100 });
  },
  workingGroup(slug: string): Promise<WorkingGroupDetail | null> {
    return orNull(request(`/api/v1/working-groups/${encodeURIComponent(slug)}/`));
  },
  events(query: EventFilters = {}): Promise<EventPage> {
    return request("/api/v1/events/", { ...query });
  },
  organisations(): Promise<OrganisationPage> {
    return request("/api/v1/organisations/", { page_size: 100 });
  },
  addressees(): Promise<AddresseePage> {
    return request("/api/v1/addressees/", { page_size: 100 });
  },
  regulatoryProjects(): Promise<RegulatoryProjectPage> {
    return request("/api/v1/regulatory-projects/", { page_size: 100 });
  },
  impact(): Promise<ImpactSummary> {
    return request("/api/v1/impact/", {});
  },
  tags(): Promise<TagPage> {
    return request("/api/v1/tags/", { page_size: 100 });
  },
  /** Resolve a frontend path (`/arbeitskreise/…/`) to the page's type and API address. */
  resolvePath(path: string): Promise<PageResolution | null> {
    return orNull(request("/api/v1/pages/by-path/", { path }));
  },
  event(apiUrl: string): Promise<EventDetail | null> {
    return orNull(request<EventDetail>(apiPath(apiUrl)));
  },
  search(query: Query): Promise<SearchResponse> {
    return request("/api/v1/search/", query, { cache: false });
  },
  /** Count an opened search result (the editors' search statistics); answers its path. */
  searchClick(q: string, paper: string): Promise<SearchClick> {
    return request("/api/v1/search/clicks/", {}, { body: { q, paper } });
  },
  /** The paper types and levels public papers have, labelled: the unfiltered search's facets. */
  async paperFacets(): Promise<Facets> {
    const answer = await request<SearchResponse>("/api/v1/search/", { page_size: 1 });
    return answer.facets;
  },
  suggest(q: string): Promise<SuggestResponse> {
    return request("/api/v1/search/suggest/", { q }, { cache: false });
  },
  preview(token: string, contentType?: string): Promise<PreviewPayload> {
    return request("/api/v1/preview/", { token, content_type: contentType }, { cache: false });
  },
  /** A draft shared through a confidential link: never cached (410 once expired or revoked). */
  sharedDraft(token: string): Promise<SharedDraft> {
    return request(`/api/v1/shared-drafts/${encodeURIComponent(token)}/`, {}, { cache: false });
  },
  /** Fetch every page of a list endpoint (sitemap); bounded to keep a broken API from looping. */
  async all<T>(fetchPage: (page: number) => Promise<{ results: T[]; next?: string | null }>, maxPages = 50): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= maxPages; page += 1) {
      const answer = await fetchPage(page);
      items.push(...answer.results);
      if (!answer.next) break;
    }
    return items;
  },
  /** E-mail alerts: subscribe (always 202 when valid), confirm, unsubscribe, manage an address. */
  subscribe(body: Record<string, unknown>) {
    return send("POST", "/api/v1/subscriptions/", body);
  },
  subscriptionConfirm(token: string) {
    return send("POST", "/api/v1/subscriptions/confirm/", { token });
  },
  unsubscribe(token: string) {
    return send("POST", `/api/v1/subscriptions/unsubscribe/${encodeURIComponent(token)}/`);
  },
  async subscriptionsOf(token: string): Promise<SubscriptionOverview | null> {
    const answer = await send("GET", `/api/v1/subscriptions/manage/${encodeURIComponent(token)}/`);
    return answer.status === 200 ? (answer.data as SubscriptionOverview) : null;
  },
  subscriptionDelete(token: string, id?: string) {
    const tail = id ? `${encodeURIComponent(id)}/` : "";
    return send("DELETE", `/api/v1/subscriptions/manage/${encodeURIComponent(token)}/${tail}`);
  },
  /** The Atom feed, passed through so it is served from this site's origin. */
  async feed(query: Query): Promise<{ body: string; contentType: string }> {
    const url = buildApiUrl("/feeds/papers.atom", query);
    let response: Response;
    try {
      response = await fetch(url, { next: { revalidate: REVALIDATE_SECONDS, tags: [API_TAG] } });
    } catch (error) {
      throw new ApiError(503, url, null, `Backend nicht erreichbar (${url}): ${String(error)}`);
    }
    if (!response.ok) throw new ApiError(response.status, url, null);
    return {
      body: await response.text(),
      contentType: response.headers.get("content-type") ?? "application/atom+xml; charset=utf-8",
    };
  },
};
