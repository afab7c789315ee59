/**
 * Entry of Wagtail's headless preview: {FRONTEND_URL}/api/preview/?content_type=…&token=….
 * Turns on draft mode and shows the draft at /vorschau/, which fetches it from the API with
 * the signed token (the token alone authorises; it is short-lived and checked by the backend).
 */
import { draftMode } from "next/headers";
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const contentType = url.searchParams.get("content_type") ?? "";
  if (!token) {
    return new Response("Vorschau-Token fehlt.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  (await draftMode()).enable();
  const query = new URLSearchParams({ token });
  if (contentType) query.set("content_type", contentType);
  // A relative Location keeps the host the editor used (request.url may name another).
  return new NextResponse(null, {
    status: 307,
    headers: { Location: `/vorschau/?${query.toString()}`, "Cache-Control": "no-store" },
  });
}
