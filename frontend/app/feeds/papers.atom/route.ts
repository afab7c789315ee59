/** The Atom feed of new papers, passed through from the backend so it lives on this origin. */
import { api } from "@/lib/api";

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  try {
    const feed = await api.feed({ working_group: params.get("working_group") ?? undefined, tag: params.get("tag") ?? undefined, regulatory_project: params.get("regulatory_project") ?? undefined });
    return new Response(feed.body, { headers: { "Content-Type": feed.contentType, "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    const status = (error as { status?: number }).status === 404 ? 404 : 502;
    return new Response(status === 404 ? "Feed nicht gefunden." : "Feed derzeit nicht verfügbar.", {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
