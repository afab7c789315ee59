/**
 * A search result opened from the search page: counted for the editors' search statistics
 * (per week and query, nothing about the visitor), then on to the paper.
 *
 * GET /api/treffer?q=…&papier=<slug>&ziel=<path>. The paper's path comes from the backend,
 * which knows only public papers; `ziel` is the way on when the backend cannot be asked and
 * must be a path of this site (no redirect elsewhere). Never cached: the query is the visitor's.
 */
import { api, ApiError } from "@/lib/api";
import { sitePath } from "@/lib/mapping";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

function redirect(request: Request, path: string): Response {
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: new URL(path, request.url).pathname } });
}

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const q = params.get("q") ?? "";
  const paper = params.get("papier") ?? "";
  const fallback = sitePath(params.get("ziel")) ?? "/suche/";
  if (!q.trim() || !/^[-a-z0-9_]+$/i.test(paper)) return redirect(request, fallback);
  try {
    const { url } = await api.searchClick(q, paper);
    return redirect(request, sitePath(url) ?? fallback);
  } catch (error) {
    // Not public (any more): the search again; the backend away: on to the paper anyway.
    if (error instanceof ApiError && error.status < 500) return redirect(request, "/suche/");
    return redirect(request, fallback);
  }
}
