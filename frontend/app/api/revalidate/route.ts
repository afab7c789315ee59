/**
 * On-demand revalidation webhook of the backend: POST (a JSON object, e.g. `{}`) with header
 * x-sprachrohr-secret after every committed publish-side change in Wagtail (publish,
 * unpublish, move, delete, view restrictions, snippets, a page's expiry).
 *
 * The whole site is revalidated: every cached API answer (tag "api") and every rendered
 * page. Deliberately not a list of paths and tags per change: the backend's own response
 * cache is invalidated as a whole on every change anyway, and a hand-kept list of what a
 * change touches (counts, facets, related papers, co-authoring groups, feeds, sitemap) is
 * where a stale — or no longer public — page would survive. The site is small; each page is
 * rebuilt on its next request (see workgroups/services/publication.py in the backend).
 */
import { timingSafeEqual } from "node:crypto";
import { revalidatePath, revalidateTag } from "next/cache";
import { API_TAG } from "@/lib/api";
import { revalidateSecret } from "@/lib/site";

export const dynamic = "force-dynamic";

function secretMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // timingSafeEqual needs equal lengths; compare against itself to keep the timing flat.
  return a.length === b.length ? timingSafeEqual(a, b) : (timingSafeEqual(b, b), false);
}

function problem(status: number, detail: string): Response {
  return Response.json(
    { type: "about:blank", title: status === 401 ? "Nicht autorisiert" : "Ungültige Anfrage", status, detail },
    { status, headers: { "Content-Type": "application/problem+json" } },
  );
}

export async function POST(request: Request): Promise<Response> {
  const expected = revalidateSecret();
  if (!expected) return problem(401, "FRONTEND_REVALIDATE_SECRET ist im Frontend nicht gesetzt.");
  if (!secretMatches(request.headers.get("x-sprachrohr-secret"), expected)) {
    return problem(401, "Falsches oder fehlendes Geheimnis (x-sprachrohr-secret).");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return problem(400, "Der Inhalt ist kein JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return problem(400, "Der Inhalt ist kein JSON-Objekt.");
  }
  revalidateTag(API_TAG, { expire: 0 });
  revalidatePath("/", "layout");
  return Response.json({ revalidated: true, now: Date.now() });
}
