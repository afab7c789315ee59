/**
 * Screenshots of every page type at 1280 px and 390 px against a running site:
 *   node scripts/screenshots.mjs [baseUrl] [outDir]
 * Output goes to test-results/screenshots/ (git-ignored).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser } from "./browser.mjs";

const base = (process.argv[2] || process.env.SITE_URL || "http://127.0.0.1:3000").replace(/\/$/, "");
const out = process.argv[3] || "test-results/screenshots";
const only = process.env.ONLY ? process.env.ONLY.split(",") : null;

export const PAGES = {
  home: "/",
  papers: "/positionen/",
  "papers-filtered": "/positionen/?ebene=Bund&jahr=2025",
  paper: "/arbeitskreise/it-sicherheit/nis2-umsetzung-stellungnahme/",
  "paper-superseded": "/arbeitskreise/energie-4-0/breitbandausbau-gewerbegebiete-sachsen/",
  groups: "/arbeitskreise/",
  group: "/arbeitskreise/it-sicherheit/",
  search: "/suche/?q=Fachkr%C3%A4fte",
  "search-empty": "/suche/?q=Quantenbanane",
  "search-start": "/suche/",
  laws: "/regelungsvorhaben/",
  events: "/veranstaltungen/",
  members: "/mitglieder/",
  imprint: "/impressum/",
  notfound: "/gibt-es-nicht/",
};

mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  const eventPath = async () => {
    await page.goto(`${base}/veranstaltungen/`);
    return page.locator("main .event-item h2 a, main .event-item h3 a").first().getAttribute("href");
  };
  const pages = { ...PAGES, event: await eventPath() };
  for (const [name, path] of Object.entries(pages)) {
    if (!path || (only && !only.includes(name))) continue;
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      const response = await page.goto(`${base}${path}`, { waitUntil: "load" });
      await page.waitForTimeout(300);
      const file = join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${response?.status()} ${file}`);
    }
  }
  if (!only || only.includes("print")) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}${PAGES.paper}`, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: join(out, "paper-print.png"), fullPage: true });
    console.log(`print ${join(out, "paper-print.png")}`);
  }
} finally {
  await browser.close();
}
