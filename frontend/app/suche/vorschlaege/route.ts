/** Suggestions for the search field's autocomplete: the API's answer, from this origin (no CORS). */
import { api } from "@/lib/api";
import type { SuggestResponse } from "@/lib/types";

export async function GET(request: Request): Promise<Response> {
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const none: SuggestResponse = { query: q, results: [] };
  if (q.length < 2) return Response.json(none);
  try {
    const answer = await api.suggest(q);
    return Response.json(answer, { headers: { "Cache-Control": "public, max-age=60" } });
  } catch {
    return Response.json(none, { status: 200, headers: { "Cache-Control": "no-store" } });
  }
}
