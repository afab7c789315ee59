/** E-mail alerts without JavaScript: the "Benachrichtigen" form posts through the frontend. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromium, type Page } from "playwright-core";
// @ts-expect-error -- plain ESM helper shared with the screenshot and Lighthouse scripts
import { CHROMIUM, CHROMIUM_FLAGS } from "../../scripts/browser.mjs";
import { SITE, apiJson, axeViolations } from "./helpers";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  // A browser of its own: the shared helper's persistent context cannot turn JavaScript off.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "de-DE", timezoneId: "Europe/Berlin" });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("alerts without JavaScript", () => {
  it("subscribes on a working group page and lands on the German result page", async () => {
    const groups = await apiJson<{ results: { url: string; name: string }[] }>("/api/v1/working-groups/");
    const group = groups.results[0]!;
    const response = await page.goto(`${SITE()}${group.url}`);
    expect(response?.status()).toBe(200);
    const form = page.locator("form.subscribe");
    expect(await form.count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await form.locator('input[name="email"]').fill("e2e-abonnent@example.org");
    await form.locator('select[name="frequency"]').selectOption("wöchentlich");
    await Promise.all([page.waitForURL(/\/benachrichtigungen\/\?status=angefragt$/), form.locator("button").click()]);
    expect(await page.locator("h1").textContent()).toBe("Fast geschafft");
    expect(await page.locator("[role=status]").textContent()).toContain("Bestätigungslink");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a forged confirmation link ends on the German 'Link ungültig' page", async () => {
    await page.goto(`${SITE()}/benachrichtigungen/bestaetigen/?token=verfaelscht`);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/status=ungueltig$/), page.getByRole("button", { name: "Jetzt bestätigen" }).click()]);
    expect(await page.locator("h1").textContent()).toBe("Link ungültig");
  });

  it("the search page offers 'Diese Suche abonnieren' with the query", async () => {
    await page.goto(`${SITE()}/suche/?q=Cloud`);
    const form = page.locator('form.subscribe:has(h2:text("Diese Suche abonnieren"))');
    expect(await form.count()).toBe(1);
    expect(await form.locator('input[name="query.q"]').getAttribute("value")).toBe("Cloud");
    expect(await axeViolations(page)).toEqual([]);
  });
});
