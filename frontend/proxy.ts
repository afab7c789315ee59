/** Trailing slashes like Wagtail's paths, except for the API routes (webhook POSTs) and files. */
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.endsWith("/") || pathname.startsWith("/api/") || /\/[^/]+\.\w+$/.test(pathname)) {
    return NextResponse.next();
  }
  // Built from the Host header as a plain string: NextURL would format the path by the
  // trailingSlash setting again, and request.url may name another host than the visitor used.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  const proto = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
  return NextResponse.redirect(`${proto}://${host}${pathname}/${search}`, 308);
}

export const config = {
  matcher: ["/((?!_next/|api/).*)"],
};
