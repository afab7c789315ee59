/** axe-core on every page type at desktop (1280 px) and phone (390 px) widths: 0 violations. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { SITE, type Browser, axeViolations, startBrowser } from "./helpers";

let browser: Browser;
let page: Page;

const PAGES: Record<string, string> = {
  Startseite: "/",
  Positionen: "/positionen/",
  "Positionen gefiltert": "/positionen/?ebene=Bund",
  Papier: "/arbeitskreise/it-sicherheit/nis2-umsetzung-stellungnahme/",
  "Papier überholt": "/arbeitskreise/energie-4-0/breitbandausbau-gewerbegebiete-sachsen/",
  Arbeitskreise: "/arbeitskreise/",
  Arbeitskreis: "/arbeitskreise/it-sicherheit/",
  Suche: "/suche/?q=Fachkr%C3%A4fte",
  "Suche leer": "/suche/?q=Quantenbanane",
  "Suche Start": "/suche/",
  Regelungsvorhaben: "/regelungsvorhaben/",
  Veranstaltungen: "/veranstaltungen/",
  Veranstaltung: "/veranstaltungen/it-branchentreff-fruehjahr-2027/",
  Mitglieder: "/mitglieder/",
  Impressum: "/impressum/",
  Datenschutz: "/datenschutz/",
  "404": "/gibt-es-nicht/",
};

beforeAll(async () => {
  browser = await startBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([1280, 390])("axe at %i px", (width) => {
  it.each(Object.keys(PAGES))("%s", async (name) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${SITE()}${PAGES[name]}`, { waitUntil: "load" });
    const violations = await axeViolations(page);
    expect(violations, violations.join("\n")).toEqual([]);
  });
});
