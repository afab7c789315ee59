/**
 * On-demand revalidation webhook of the backend: POST {"paths": [...], "tags": [...]} with
 * header x-sprachrohr-secret. Publishing, unpublishing, moving or deleting a page in Wagtail
 * makes the affected pages fresh on their next request.
 */
import { timingSafeEqual } from "node:crypto";
import { revalidatePath, revalidateTag } from "next/cache";
import { TAGS } from "@/lib/api";
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

const PATH_RE = /^\/[^\s?#]*$/;
const TAG_RE = /^[\w:./-]{1,200}$/;

export async function POST(request: Request): Promise<Response> {
  const expected = revalidateSecret();
  if (!expected) return problem(401, "FRONTEND_REVALIDATE_SECRET ist im Frontend nicht gesetzt.");
  if (!secretMatches(request.headers.get("x-sprachrohr-secret"), expected)) {
    return problem(401, "Falsches oder fehlendes Geheimnis (x-sprachrohr-secret).");
  }
  let body: { paths?: unknown; tags?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return problem(400, "Der Inhalt ist kein JSON.");
  }
  const paths = Array.isArray(body.paths) ? body.paths.filter((p): p is string => typeof p === "string" && PATH_RE.test(p)) : [];
  const tags = Array.isArray(body.tags) ? body.tags.filter((t): t is string => typeof t === "string" && TAG_RE.test(t)) : [];
  // A page change touches lists, counts, facets and related papers all over the site, and
  // the site is small: besides the named tags and paths, every cached API answer is dropped
  // (tag "api") so nothing stale survives a publish; pages rebuild on their next request.
  const allTags = new Set<string>([...tags, TAGS.pages, TAGS.all]);
  for (const path of paths) allTags.add(`path:${path.endsWith("/") ? path : `${path}/`}`);
  for (const tag of allTags) revalidateTag(tag, { expire: 0 });
  for (const path of paths) {
    const withSlash = path.endsWith("/") ? path : `${path}/`;
    revalidatePath(withSlash);
    revalidatePath(withSlash.replace(/\/$/, "") || "/");
  }
  // Home, lists and feeds show every paper; they are cheap to rebuild.
  revalidatePath("/", "layout");
  return Response.json({ revalidated: true, paths, tags: [...allTags], now: Date.now() });
}
