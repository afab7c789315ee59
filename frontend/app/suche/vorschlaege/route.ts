/** Suggestions for the search field's autocomplete (same origin, so no CORS and one API client). */
import { api } from "@/lib/api";
import { suggestions } from "@/lib/mapping";

export async function GET(request: Request): Promise<Response> {
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  if (q.length < 2) return Response.json({ suggestions: [] });
  try {
    const answer = await api.suggest(q);
    return Response.json({ suggestions: suggestions(answer) }, { headers: { "Cache-Control": "public, max-age=60" } });
  } catch {
    return Response.json({ suggestions: [] }, { status: 200, headers: { "Cache-Control": "no-store" } });
  }
}
