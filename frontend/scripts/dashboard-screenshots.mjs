/**
 * Full-page screenshots of the admin dashboard (Wagtail home) as demo people, at 1280×800:
 *   node scripts/dashboard-screenshots.mjs <backendUrl> <outDir>
 * Started by `make screenshots` (tests/e2e/screenshots.py), which brings up the demo backend.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser } from "./browser.mjs";

const base = (process.argv[2] || "http://127.0.0.1:8000").replace(/\/$/, "");
const out = process.argv[3] || "../docs/screenshots";

// Demo accounts from workgroups/demo/content.json (demo-only passwords).
export const PEOPLE = [
  { name: "mitglied", username: "mitglied-software", password: "demo-mitglied-2026" },
  { name: "leitung", username: "leitung-software", password: "demo-leitung-2026" },
];

mkdirSync(out, { recursive: true });
for (const person of PEOPLE) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${base}/admin/login/`, { waitUntil: "load" });
    await page.fill("input[name=username]", person.username);
    await page.fill("input[name=password]", person.password);
    await Promise.all([
      page.waitForURL(`${base}/admin/`),
      page.click("button[type=submit]"),
    ]);
    // The panels are server-rendered; wait until the first group's panel is laid out.
    await page.locator("section.workspace-group").first().waitFor({ state: "visible" });
    await page.evaluate(() => document.fonts.ready);
    // The admin scrolls inside its layout, not the document: grow the window to the content.
    const height = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll("body, body *")].map((el) => el.scrollHeight)),
    );
    await page.setViewportSize({ width: 1280, height: Math.max(800, height) });
    const file = join(out, `dashboard-${person.name}-1280.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${person.username}: ${file}`);
  } finally {
    await browser.close();
  }
}
