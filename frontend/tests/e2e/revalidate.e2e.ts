/** The revalidation webhook: a wrong secret is refused; publishing in Wagtail refreshes the page. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { BACKEND, SITE, type Browser, apiJson, startBrowser } from "./helpers";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await startBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("revalidation webhook", () => {
  it("answers 401 to a missing or wrong secret", async () => {
    for (const headers of [{}, { "x-sprachrohr-secret": "falsch" }] as Record<string, string>[]) {
      const response = await fetch(`${SITE()}/api/revalidate`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ paths: ["/"], tags: ["papers"] }),
      });
      expect(response.status).toBe(401);
    }
  });

  it("accepts the shared secret (POST without trailing slash, as the backend sends it)", async () => {
    const secret = process.env.E2E_REVALIDATE_SECRET;
    expect(secret, "E2E_REVALIDATE_SECRET").toBeTruthy();
    const response = await fetch(`${SITE()}/api/revalidate`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/json", "x-sprachrohr-secret": secret! },
      body: JSON.stringify({ paths: ["/arbeitskreise/"], tags: ["papers"] }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).revalidated).toBe(true);
  });

  it("shows a title published in Wagtail on the cached page within seconds", async () => {
    const slug = "green-coding-nachhaltige-software";
    const paper = await apiJson<{ id: number; title: string; url: string }>(`/api/v1/papers/${slug}/`);
    // Warm the cache first.
    await page.goto(`${SITE()}${paper.url}`);
    expect(await page.locator("h1").innerText()).toBe(paper.title);

    const title = `${paper.title} (aktualisiert)`;
    await page.goto(`${BACKEND()}/admin/login/`);
    await page.fill("#id_username", "redaktion");
    await page.fill("#id_password", "demo-redaktion-2026");
    await Promise.all([page.waitForURL((url) => !url.pathname.includes("/login")), page.locator("form button[type=submit]").first().click()]);
    await page.goto(`${BACKEND()}/admin/pages/${paper.id}/edit/`);
    await page.fill("#id_title", title);
    // Publishing is behind the footer's action menu ("Veröffentlichen").
    const publish = page.locator('button[name="action-publish"]');
    if (!(await publish.isVisible())) await page.locator('[data-w-dropdown-target="toggle"], button[aria-label*="Aktionen"], .footer button.dropdown-toggle').last().click();
    // Await the publish's own navigation: a page.goto while its POST is in flight would cancel it.
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith("/edit/")), publish.click()]);

    const shown = async () => {
      await page.goto(`${SITE()}${paper.url}`);
      return page.locator("h1").innerText();
    };
    await expect.poll(shown, { timeout: 20_000, interval: 500 }).toBe(title);
  });
});
