/** Trailing slashes like Wagtail's paths, except for the API routes (webhook POSTs) and files. */
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.endsWith("/") || pathname.startsWith("/api/") || /\/[^/]+\.\w+$/.test(pathname)) {
    return NextResponse.next();
  }
  const url = request.nextUrl.clone();
  url.pathname = `${pathname}/`;
  return NextResponse.redirect(url, 308);
}

export const config = {
  matcher: ["/((?!_next/|api/).*)"],
};
