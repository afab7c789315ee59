/**
 * Every page request passes here first: trailing slashes like Wagtail's paths (except the API
 * routes and files), and only the query parameters a page reads reach it.
 */
import { NextResponse, type NextRequest } from "next/server";
import { PAPER_FILTER_KEYS, SEARCH_FACETS } from "@/lib/mapping";

const PAGE_NUMBER = ["seite", "page"];

/**
 * The query parameters each route reads (see paperListState, searchState, the preview page);
 * routes not named here read none. Everything else is dropped before rendering: Next.js writes
 * the request's query into the page it renders (the router state in the RSC payload), and a
 * page kept in the ISR cache would hand the first visitor's query (an e-mail address, a token)
 * to every later visitor. Dropped parameters also no longer vary what is rendered or cached.
 */
export const ROUTE_QUERY_KEYS: Readonly<Record<string, readonly string[]>> = {
  "/positionen/": [...PAPER_FILTER_KEYS, "archiv", "sortierung", ...PAGE_NUMBER],
  "/suche/": ["q", ...SEARCH_FACETS, ...PAGE_NUMBER, "genau"],
  "/suche/vorschlaege/": ["q"],
  "/vorschau/": ["token", "content_type"],
  // E-mail alerts: the result page and the signed links (rendered per request, never cached).
  "/benachrichtigungen/": ["status"],
  "/benachrichtigungen/bestaetigen/": ["token"],
  "/benachrichtigungen/abmelden/": ["token"],
  "/benachrichtigungen/verwalten/": ["token", "geloescht"],
};
// Next's own cache-busting parameter of client-side navigations (RSC requests).
const FRAMEWORK_QUERY_KEYS = ["_rsc"];

/** The query string a route gets: its own parameters in their order, nothing else. */
export function routeQuery(pathname: string, search: string): string {
  const allowed = new Set([...(ROUTE_QUERY_KEYS[pathname] ?? []), ...FRAMEWORK_QUERY_KEYS]);
  const kept = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(search)) {
    if (allowed.has(key)) kept.append(key, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : "";
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/") || /\/[^/]+\.\w+$/.test(pathname)) {
    return NextResponse.next();
  }
  if (!pathname.endsWith("/")) {
    // Built from the Host header as a plain string: NextURL would format the path by the
    // trailingSlash setting again, and request.url may name another host than the visitor used.
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
    const proto = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
    return NextResponse.redirect(`${proto}://${host}${pathname}/${search}`, 308);
  }
  const query = routeQuery(pathname, search);
  if (query === search) return NextResponse.next();
  // A rewrite, not a redirect: the address bar stays as it is, the page renders without them.
  const target = request.nextUrl.clone();
  target.search = query;
  return NextResponse.rewrite(target);
}

export const config = {
  matcher: ["/((?!_next/|api/).*)"],
};
