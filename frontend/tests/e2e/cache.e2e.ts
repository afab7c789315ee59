/** Cached pages carry nothing of the request that rendered them (query strings, issue 9 no. 5). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { SITE, type Browser, apiJson, startBrowser, watchErrors } from "./helpers";

let browser: Browser;
let page: Page;
let errors: string[];
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
// The 404 paths carry `run`; the query strings carry `leak`, which must never come back.
const run = unique();
const leak = `q${unique()}`;

beforeAll(async () => {
  browser = await startBrowser();
  page = await browser.context.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await browser?.close();
});

/** Mark the paths stale, so the next request renders them again (and would cache its query). */
async function revalidate(paths: string[]): Promise<void> {
  const response = await fetch(`${SITE()}/api/revalidate`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-sprachrohr-secret": process.env.E2E_REVALIDATE_SECRET ?? "" },
    body: JSON.stringify({ paths, tags: [] }),
  });
  expect(response.status).toBe(200);
}

async function body(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${SITE()}${path}`, { redirect: "manual" });
  return { status: response.status, text: await response.text() };
}

describe("page cache and query strings", () => {
  it("serves no visitor's query string to the next visitor, on every page type and on 404s", async () => {
    const [paper] = (await apiJson<{ results: { url: string }[] }>("/api/v1/papers/?page_size=1")).results;
    const [event] = (await apiJson<{ results: { url: string }[] }>("/api/v1/events/?page_size=1")).results;
    if (!paper || !event) throw new Error("Die Demo-Inhalte enthalten kein Papier oder keinen Termin.");
    const pages: [string, number][] = [
      ["/arbeitskreise/", 200],
      ["/arbeitskreise/it-sicherheit/", 200],
      [paper.url, 200],
      [event.url, 200],
      ["/veranstaltungen/", 200],
      [`/arbeitskreise/gibt-es-nicht-${run}/`, 404],
      [`/gibt-es-nicht-${run}/`, 404],
      ["/impressum/", 200],
      ["/regelungsvorhaben/", 200],
      ["/", 200],
    ];
    await revalidate(pages.map(([path]) => path));
    for (const [path, status] of pages) {
      const secret = `alice-${leak}@example.org`;
      const first = await body(`${path}?newsletter=${encodeURIComponent(secret)}&utm_source=${leak}`);
      expect(first.status, path).toBe(status);
      const later = [await body(`${path}?x=bob-${leak}`), await body(path)];
      for (const response of [first, ...later]) {
        expect(response.status, path).toBe(status);
        // Neither raw nor URL-encoded: the parameters never reach the page.
        expect(response.text, path).not.toContain(leak);
      }
    }
  });

  it("keeps the parameters a page reads and drops the others", async () => {
    const filtered = await body(`/positionen/?arbeitskreis=it-sicherheit&newsletter=carol-${leak}%40example.org`);
    expect(filtered.status).toBe(200);
    expect(filtered.text).not.toContain(leak);
    const plain = await body("/positionen/?arbeitskreis=it-sicherheit");
    // The filter still applies: the same list of papers with and without the foreign parameter.
    const links = (html: string) => [...html.matchAll(/class="paper-item[^"]*"[\s\S]*?href="([^"]+)"/g)].map((m) => m[1]);
    expect(links(filtered.text).length).toBeGreaterThan(0);
    expect(links(filtered.text)).toEqual(links(plain.text));

    const query = `Datenschutz${run}`;
    const search = await body(`/suche/?q=${query}&token=${leak}`);
    expect(search.status).toBe(200);
    expect(search.text).toContain(query);
    expect(search.text).not.toContain(leak);
    const next = await body("/suche/");
    expect(next.text).not.toContain(run);
  });

  it("still opens a page with a foreign parameter in the browser, without errors", async () => {
    const response = await page.goto(`${SITE()}/arbeitskreise/?utm_campaign=${leak}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toContain("Arbeitskreise");
    await page.locator("a", { hasText: "Arbeitskreis IT-Sicherheit" }).first().click();
    await page.waitForURL(/\/arbeitskreise\/it-sicherheit\/$/);
    expect(errors).toEqual([]);
  });
});
