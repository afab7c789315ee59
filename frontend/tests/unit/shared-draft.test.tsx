import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SharedDraftNotice } from "@/components/SharedDraftNotice";
import { ApiError, api } from "@/lib/api";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("SharedDraftNotice", () => {
  it("marks the draft as confidential and names the recipient and the end of the link", () => {
    const out = renderToStaticMarkup(
      <SharedDraftNotice
        share={{ recipient_name: "Petra Presse", recipient_organisation: "Leipziger Tageblatt", expires_at: "2026-12-09T00:00:00+01:00" }}
      />,
    );
    expect(out).toContain("Vertraulicher Entwurf – nicht zitieren");
    expect(out).toContain("Petra Presse (Leipziger Tageblatt)");
    expect(out).toContain("9. Dezember 2026, 00:00 Uhr");
    expect(out).toContain('role="note"');
  });
});

describe("api.sharedDraft", () => {
  it("is never cached and keeps the token inside the path", async () => {
    const fetchMock = vi.fn(async () => Response.json({ type: "paper", page: {}, share: {} }));
    vi.stubGlobal("fetch", fetchMock);
    await api.sharedDraft("abc/../x");
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit & { next?: unknown }];
    expect(url).toMatch(/\/api\/v1\/shared-drafts\/abc%2F\.\.%2Fx\/$/);
    expect(init.cache).toBe("no-store");
    expect(init.next).toBeUndefined();
  });

  it("turns a revoked or expired link's 410 into an ApiError with that status", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ status: 410, detail: "Dieser Link ist abgelaufen oder wurde zurückgezogen." }, { status: 410 })));
    const error = await api.sharedDraft("t").catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(410);
  });
});
