import { describe, expect, it } from "vitest";
import { routeQuery } from "@/proxy";

describe("routeQuery", () => {
  it("drops every parameter of a page that reads none", () => {
    expect(routeQuery("/arbeitskreise/", "?newsletter=alice%40example.org&utm_source=x")).toBe("");
    expect(routeQuery("/arbeitskreise/software/papier/", "")).toBe("");
  });

  it("keeps the parameters a page reads, in their order, repeated ones included", () => {
    expect(routeQuery("/positionen/", "?newsletter=a&arbeitskreis=software&seite=2&jahr=2025")).toBe(
      "?arbeitskreis=software&seite=2&jahr=2025",
    );
    expect(routeQuery("/suche/", "?q=NIS2&tag=KI&tag=Cloud&token=geheim")).toBe("?q=NIS2&tag=KI&tag=Cloud");
    expect(routeQuery("/vorschau/", "?token=t&content_type=workgroups.positionpaperpage&x=1")).toBe(
      "?token=t&content_type=workgroups.positionpaperpage",
    );
  });

  it("keeps Next's cache-busting parameter of client-side navigations", () => {
    expect(routeQuery("/arbeitskreise/", "?_rsc=1abc&newsletter=a")).toBe("?_rsc=1abc");
  });
});
