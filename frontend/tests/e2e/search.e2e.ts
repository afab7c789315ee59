/** Search with a facet, did-you-mean and autocomplete; keyboard only. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { SITE, type Browser, startBrowser, watchErrors } from "./helpers";

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await startBrowser();
  page = await browser.context.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await browser?.close();
});

const count = async (p: Page) => Number.parseInt((await p.locator(".result-bar p").innerText()).replace(/\D/g, "") || "0", 10);

describe("search", () => {
  it("searches from the header and narrows the result with a facet (keyboard only)", async () => {
    await page.goto(`${SITE()}/`);
    await page.focus("#header-search");
    await page.keyboard.type("Fachkräfte");
    await page.keyboard.press("Enter"); // no suggestion is selected, so Enter submits the query
    await page.waitForURL(/\/suche\/\?q=Fachkr/);
    await page.waitForSelector(".result-bar p");
    const all = await count(page);
    expect(all).toBeGreaterThan(1);
    expect(await page.locator(".paper-item mark").count()).toBeGreaterThan(0);

    const facet = page.locator('fieldset.facet:has(legend:text("Arbeitskreis")) input[type=checkbox]').first();
    const value = await facet.getAttribute("value");
    await facet.focus();
    await page.keyboard.press("Space");
    await page.waitForURL(new RegExp(`working_group=${value}`));
    await page.waitForFunction((before) => {
      const text = document.querySelector(".result-bar p")?.textContent ?? "";
      return Number.parseInt(text.replace(/\D/g, "") || "0", 10) < before;
    }, all);
    const narrowed = await count(page);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    expect(await page.locator(`input[name=working_group][value="${value}"]`).isChecked()).toBe(true);
    // The state is in the URL: reload keeps query and facet.
    await page.reload();
    expect(await count(page)).toBe(narrowed);
  });

  it("opens a result through the click count and lands on the paper (no query left behind)", async () => {
    await page.goto(`${SITE()}/suche/?q=Fachkr%C3%A4fte`);
    const title = page.locator(".paper-item h3 a").first();
    const href = await title.getAttribute("href");
    expect(href).toMatch(/^\/api\/treffer\?q=Fachkr/);
    const counted = page.waitForResponse((response) => response.url().includes("/api/treffer"));
    await title.click();
    const response = await counted;
    expect(response.status()).toBe(303);
    expect(response.headers()["cache-control"]).toBe("no-store");
    await page.waitForURL((url) => !url.pathname.startsWith("/api/") && !url.pathname.startsWith("/suche/"));
    expect(new URL(page.url()).search).toBe("");
    expect(await page.locator("h1").innerText()).not.toBe("");
  });

  it("offers suggestions as you type and opens one with the arrow keys", async () => {
    await page.goto(`${SITE()}/suche/`);
    await page.focus("#search-q");
    await page.keyboard.type("Cyber", { delay: 60 });
    const listbox = page.locator("#search-q ~ ul[role=listbox]");
    await listbox.waitFor({ state: "visible", timeout: 10_000 });
    expect(await page.getAttribute("#search-q", "aria-expanded")).toBe("true");
    await page.keyboard.press("ArrowDown");
    const active = await page.getAttribute("#search-q", "aria-activedescendant");
    expect(active).toBeTruthy();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname !== "/suche/" || url.search.includes("q="));
  });

  it("helps when nothing is found", async () => {
    await page.goto(`${SITE()}/suche/?q=Quantenbanane`);
    expect(await count(page)).toBe(0);
    const text = await page.locator("main").innerText();
    expect(text).toContain("Keine Treffer");
    expect(text).toContain("Häufige Themen");
  });

  it("had no JavaScript errors", () => {
    expect(errors).toEqual([]);
  });
});
