import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, buildApiUrl, isBackendDown } from "@/lib/api";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe("buildApiUrl", () => {
  it("repeats list parameters and drops empty ones", () => {
    expect(buildApiUrl("/api/v1/papers/", { tag: ["a", "b"], level: "", page: 2, x: undefined, y: false }, "http://b")).toBe(
      "http://b/api/v1/papers/?tag=a&tag=b&page=2",
    );
  });
});

describe("api client", () => {
  it("takes the base URL from SPRACHROHR_API_URL and tags cached answers with the one API tag", async () => {
    vi.stubEnv("SPRACHROHR_API_URL", "http://backend.test:8000/");
    const fetchMock = vi.fn(async () => Response.json({ count: 0, next: null, previous: null, results: [] }));
    vi.stubGlobal("fetch", fetchMock);
    await api.papers({ working_group: "software", page_size: 5 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, { next: { tags: string[]; revalidate: number } }];
    expect(url).toBe("http://backend.test:8000/api/v1/papers/?working_group=software&page_size=5");
    expect(init.next.tags).toEqual(["api"]);
    expect(init.next.revalidate).toBe(300);
  });

  it("never caches search and turns problem+json into an ApiError", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({ type: "about:blank", title: "Ungültige Anfrage", status: 400, detail: "Ungültige Parameter: q." }, { status: 400 }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const error = await api.search({ q: "x".repeat(300) }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe("Ungültige Parameter: q.");
    expect((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].cache).toBe("no-store");
    expect(isBackendDown(error)).toBe(false);
  });

  it("maps 404 to null and an unreachable backend to a 503 ApiError", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ status: 404 }, { status: 404 })));
    expect(await api.paper("gibt-es-nicht")).toBeNull();
    vi.stubGlobal("fetch", vi.fn(async () => { throw new TypeError("fetch failed"); }));
    const error = await api.workingGroups().catch((e) => e);
    expect(error.status).toBe(503);
    expect(isBackendDown(error)).toBe(true);
  });

  it("resolves page api_urls relative to the backend", async () => {
    vi.stubEnv("SPRACHROHR_API_URL", "http://backend.test");
    const fetchMock = vi.fn(async () => Response.json({ slug: "e" }));
    vi.stubGlobal("fetch", fetchMock);
    await api.event("/api/v1/events/e/");
    await api.event("http://other.host/api/v1/events/e/");
    expect(fetchMock.mock.calls.map((c) => (c as unknown as [string])[0])).toEqual([
      "http://backend.test/api/v1/events/e/",
      "http://backend.test/api/v1/events/e/",
    ]);
  });
});
