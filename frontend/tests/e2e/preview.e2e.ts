/**
 * An editor previews a draft: log into the Wagtail admin as "redaktion", change a paper's
 * title in the editor, save a draft, open the headless preview and see the draft on the
 * frontend — while the public page keeps showing the published title.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { BACKEND, SITE, type Browser, apiJson, startBrowser } from "./helpers";

let browser: Browser;
let page: Page;

const SLUG = "ki-verordnung-mittelstand";

beforeAll(async () => {
  browser = await startBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function login(p: Page) {
  await p.goto(`${BACKEND()}/admin/login/`);
  await p.fill("#id_username", "redaktion");
  await p.fill("#id_password", "demo-redaktion-2026");
  await Promise.all([p.waitForURL((url) => !url.pathname.includes("/login")), p.locator("form button[type=submit]").first().click()]);
}

describe("editor preview", () => {
  it("shows a saved draft on the frontend preview but never on the public page", async () => {
    const paper = await apiJson<{ id: number; title: string; url: string }>(`/api/v1/papers/${SLUG}/`);
    const marker = `Entwurf E2E ${Date.now()}`;
    await login(page);
    await page.goto(`${BACKEND()}/admin/pages/${paper.id}/edit/`);
    await page.fill("#id_title", marker);
    // Save a draft (a revision, never public).
    await Promise.all([page.waitForEvent("load"), page.locator("form[data-edit-form] button.action-save").first().click()]);
    expect(await page.inputValue("#id_title")).toBe(marker);

    // What the admin's Preview button does: post the form state, then load the preview view,
    // which for headless pages embeds {FRONTEND_URL}/api/preview/?content_type=…&token=….
    const previewView = `${BACKEND()}/admin/pages/${paper.id}/edit/preview/`;
    const posted = await page.evaluate(async (url) => {
      const form = document.querySelector("form[data-edit-form]") as HTMLFormElement;
      const response = await fetch(url, { method: "POST", body: new FormData(form) });
      const text = await response.text();
      try {
        return JSON.parse(text) as { is_valid: boolean };
      } catch {
        return { is_valid: false, status: response.status, url: location.href, text: (text.match(/<h1>[\s\S]*?<\/h1>[\s\S]{0,300}/) ?? [text.slice(0, 300)])[0] };
      }
    }, previewView);
    expect(posted, JSON.stringify(posted)).toMatchObject({ is_valid: true });
    await page.goto(previewView);
    const frontendPreview = await page.locator("iframe").getAttribute("src");
    expect(frontendPreview).toContain(`${SITE()}/api/preview/`);
    expect(frontendPreview).toContain("token=");

    await page.goto(frontendPreview!);
    await page.waitForURL(/\/vorschau\/\?/);
    expect(await page.locator("h1").innerText()).toBe(marker);
    expect(await page.locator(".notice--draft").innerText()).toContain("Vorschau eines Entwurfs");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");

    // The public page and the API still show the published title.
    const published = await browser.context.newPage();
    await published.goto(`${SITE()}${paper.url}`);
    expect(await published.locator("h1").innerText()).toBe(paper.title);
    await published.close();
    const api = await apiJson<{ title: string }>(`/api/v1/papers/${SLUG}/`);
    expect(api.title).toBe(paper.title);
  });

  it("rejects a tampered preview token without showing anything", async () => {
    await page.goto(`${SITE()}/api/preview/?content_type=workgroups.positionpaperpage&token=id%3D1%3Afalsch%3Afalsch`);
    expect(await page.locator("h1").innerText()).toContain("Vorschau nicht mehr gültig");
  });
});
