/**
 * Lighthouse scores (performance, accessibility, best practices, SEO) for the home page, a
 * paper and the search, desktop and mobile, against a running site. A benchmark, not a test.
 *
 *   node bench/lighthouse.mjs [siteUrl]        (default http://127.0.0.1:3000, e.g. `make demo`)
 *
 * Uses the lighthouse package from frontend/node_modules and Debian's /usr/bin/chromium.
 * Writes JSON reports to bench/results/ (git-ignored) and prints a Markdown table.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "..", "frontend", "package.json"));
const lighthouse = (await import(pathToFileURL(require.resolve("lighthouse")).href)).default;
const chromeLauncher = await import(pathToFileURL(require.resolve("chrome-launcher")).href);

const site = (process.argv[2] || process.env.SITE_URL || "http://127.0.0.1:3000").replace(/\/$/, "");
const pages = {
  Startseite: "/",
  Papier: "/arbeitskreise/it-sicherheit/nis2-umsetzung-stellungnahme/",
  Suche: "/suche/?q=Fachkr%C3%A4fte",
};
const categories = ["performance", "accessibility", "best-practices", "seo"];
const out = join(here, "results");
mkdirSync(out, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), "sprachrohr-lighthouse-"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  userDataDir: profile,
  chromeFlags: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const rows = [];
try {
  for (const formFactor of ["desktop", "mobile"]) {
    for (const [name, path] of Object.entries(pages)) {
      const url = `${site}${path}`;
      // One warm-up load so the measured run sees the site's cache, as visitors do.
      await fetch(url);
      const config =
        formFactor === "desktop"
          ? {
              extends: "lighthouse:default",
              settings: {
                formFactor: "desktop",
                screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
                throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1 },
              },
            }
          : { extends: "lighthouse:default" };
      const result = await lighthouse(url, { port: chrome.port, onlyCategories: categories, output: "json", logLevel: "error" }, config);
      const lhr = result.lhr;
      writeFileSync(join(out, `lighthouse-${formFactor}-${name}.json`), result.report);
      const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      rows.push({
        formFactor,
        name,
        ...Object.fromEntries(categories.map((c) => [c, score(c)])),
        lcp: lhr.audits["largest-contentful-paint"]?.displayValue ?? "",
        cls: lhr.audits["cumulative-layout-shift"]?.displayValue ?? "",
      });
      console.error(`${formFactor} ${name}: ${categories.map((c) => `${c} ${score(c)}`).join(", ")}`);
    }
  }
} finally {
  await chrome.kill();
  rmSync(profile, { recursive: true, force: true });
}

console.log("| Gerät | Seite | Performance | Barrierefreiheit | Best Practices | SEO | LCP | CLS |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(`| ${r.formFactor} | ${r.name} | ${r.performance} | ${r.accessibility} | ${r["best-practices"]} | ${r.seo} | ${r.lcp} | ${r.cls} |`);
}
