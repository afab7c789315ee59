/** Browse → open a paper → filter the list; everything also without JavaScript. */
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

describe("browsing", () => {
  it("home lists papers, working groups and events, in German with landmarks", async () => {
    const response = await page.goto(`${SITE()}/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("de");
    expect(await page.locator("header").first().isVisible()).toBe(true);
    expect(await page.locator("main#inhalt").count()).toBe(1);
    expect(await page.locator("footer").count()).toBeGreaterThan(0);
    expect(await page.locator('nav[aria-label="Hauptnavigation"]').count()).toBe(1);
    expect(await page.locator("#neueste ~ *, section[aria-labelledby=neueste] .paper-item").count()).toBeGreaterThan(0);
    expect(await page.locator("section[aria-labelledby=arbeitskreise] .card").count()).toBe(6);
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').count()).toBeGreaterThan(0);
    expect(await page.locator('meta[property="og:title"]').count()).toBe(1);
  });

  it("the skip link is the first focusable element and moves focus to the content", async () => {
    await page.goto(`${SITE()}/`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe("Zum Inhalt springen");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    expect(page.url()).toContain("#inhalt");
  });

  it("goes from the working groups to a group and opens one of its papers", async () => {
    await page.goto(`${SITE()}/`);
    await page.locator('nav[aria-label="Hauptnavigation"] a', { hasText: "Arbeitskreise" }).click();
    await page.waitForURL(/\/arbeitskreise\/$/);
    expect(await page.locator("h1").textContent()).toContain("Arbeitskreise");
    await page.locator("a", { hasText: "Arbeitskreis IT-Sicherheit" }).first().click();
    await page.waitForURL(/\/arbeitskreise\/it-sicherheit\/$/);
    expect(await page.locator("h1").textContent()).toContain("IT-Sicherheit");
    expect(await page.locator("#sprecher").count()).toBe(1);
    await page.locator(".paper-item h3 a", { hasText: "NIS-2" }).first().click();
    await page.waitForURL(/nis2-umsetzung-stellungnahme\/$/);
    // "Auf einen Blick" comes first, before the body text.
    const order = await page.evaluate(() => {
      const glance = document.querySelector("#auf-einen-blick");
      const firstBodyHeading = document.querySelector(".body h2");
      return glance && firstBodyHeading ? glance.compareDocumentPosition(firstBodyHeading) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/CITM-STN-\d{4}-\d{2}/);
    expect(text).toMatch(/Synopse der Forderungen/i);
    expect(text).toMatch(/Adressaten und Versand/i);
    expect(text).toMatch(/Version und Verlauf/i);
    expect(await page.locator('a:has-text("PDF herunterladen")').getAttribute("href")).toMatch(/\.pdf$/);
    expect(await page.locator("#share-link").inputValue()).toMatch(/\/arbeitskreise\/it-sicherheit\/nis2-umsetzung-stellungnahme\/$/);
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(/nis2-umsetzung-stellungnahme\/$/);
    expect(await page.locator('meta[property="og:type"]').getAttribute("content")).toBe("article");
  });

  it("shows a superseded paper with a prominent link to its successor", async () => {
    await page.goto(`${SITE()}/arbeitskreise/energie-4-0/breitbandausbau-gewerbegebiete-sachsen/`);
    const notice = page.locator(".notice--warn");
    expect(await notice.innerText()).toContain("überholt");
    const successor = notice.locator("a");
    const href = await successor.getAttribute("href");
    expect(href).toMatch(/^\/arbeitskreise\//);
    await successor.click();
    await page.waitForURL((url) => url.pathname === href);
    expect(await page.locator(".notice--warn").count()).toBe(0);
  });

  it("filters the paper list through shareable URLs, keyboard only", async () => {
    await page.goto(`${SITE()}/positionen/`);
    const total = Number.parseInt((await page.locator(".result-bar p").innerText()).replace(/\D/g, ""), 10);
    await page.focus("#f-arbeitskreis");
    await page.selectOption("#f-arbeitskreis", "it-sicherheit");
    await page.locator("form.filters button[type=submit]").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/arbeitskreis=it-sicherheit/);
    const filtered = Number.parseInt((await page.locator(".result-bar p").innerText()).replace(/\D/g, ""), 10);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    const groups = await page.locator(".paper-item .paper-item__meta dd:nth-of-type(2)").allInnerTexts();
    expect(groups.every((g) => g.includes("IT-Sicherheit"))).toBe(true);
    // The URL alone reproduces the state.
    const again = await browser.context.newPage();
    await again.goto(page.url());
    expect(await again.locator("#f-arbeitskreis").inputValue()).toBe("it-sicherheit");
    await again.close();
  });

  it("shows a helpful 404", async () => {
    const response = await page.goto(`${SITE()}/arbeitskreise/gibt-es-nicht/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").innerText()).toContain("gibt es nicht");
    expect(await page.locator("main input[type=search]").count()).toBe(1);
  });

  it("serves sitemap.xml, robots.txt and the Atom feed", async () => {
    const sitemap = await (await fetch(`${SITE()}/sitemap.xml`)).text();
    expect(sitemap).toContain("/arbeitskreise/it-sicherheit/nis2-umsetzung-stellungnahme/");
    const robots = await (await fetch(`${SITE()}/robots.txt`)).text();
    expect(robots).toContain("Sitemap:");
    const feed = await fetch(`${SITE()}/feeds/papers.atom`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("<feed");
  });

  it("had no JavaScript errors", () => {
    expect(errors).toEqual([]);
  });
});

describe("without JavaScript", () => {
  it("renders pages and submits the filter and search forms", async () => {
    // The persistent Chromium context cannot switch JavaScript off per page, so no script loads.
    const noJs = await browser.context.newPage();
    await noJs.route(/\.js(\?|$)/, (route) => route.abort());
    await noJs.goto(`${SITE()}/positionen/?art=stellungnahme`);
    expect(await noJs.locator(".paper-item").count()).toBeGreaterThan(0);
    const types = await noJs.locator(".paper-item .badge--type").allInnerTexts();
    expect(types.every((t) => t.toLowerCase() === "stellungnahme")).toBe(true);
    await noJs.goto(`${SITE()}/`);
    await noJs.fill("#hero-search", "Cybersicherheit");
    await noJs.press("#hero-search", "Enter");
    await noJs.waitForURL(/\/suche\/\?q=Cybersicherheit/);
    expect(await noJs.locator(".result-bar p").innerText()).toMatch(/\d+ Treffer/);
    await noJs.close();
  });
});

describe("addresses", () => {
  it("adds the trailing slash of Wagtail paths with a permanent redirect, keeping the query", async () => {
    const response = await fetch(`${SITE()}/positionen?art=stellungnahme`, { redirect: "manual" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toMatch(/\/positionen\/\?art=stellungnahme$/);
  });
});
