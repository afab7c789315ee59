/** The admin under its Content Security Policy: every page works, nothing is blocked. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { BACKEND, type Browser, apiJson, startBrowser } from "./helpers";

let browser: Browser;
let page: Page;
const blocked: string[] = [];
const pageErrors: string[] = [];
let current = "";

beforeAll(async () => {
  browser = await startBrowser();
  page = await browser.context.newPage();
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(`${current}: ${message.text().slice(0, 240)}`);
  });
  page.on("pageerror", (error) => pageErrors.push(`${current}: ${error.message}`));
  await page.goto(`${BACKEND()}/admin/login/`);
  await page.fill("#id_username", "admin");
  await page.fill("#id_password", "demo-admin-2026");
  await Promise.all([page.waitForURL((url) => !url.pathname.includes("/login")), page.locator("form button[type=submit]").first().click()]);
});
afterAll(async () => {
  await browser?.close();
});

async function visit(path: string): Promise<void> {
  current = path;
  const response = await page.goto(`${BACKEND()}${path}`);
  expect(response?.status(), path).toBe(200);
  // Loaded and Wagtail's scripts started (its Stimulus application exists): what the page's
  // scripts do at start is done, and any CSP report of theirs has arrived. Not "networkidle":
  // the image uploader's page never becomes idle.
  try {
    await page.waitForLoadState("load");
    if (path.startsWith("/admin/")) {
      await page.waitForFunction(() => Boolean((window as { wagtail?: { app?: unknown } }).wagtail?.app));
    }
  } catch (error) {
    throw new Error(`${path}: ${String(error)}`);
  }
}

describe("admin content security policy", () => {
  it("blocks nothing on the admin's pages (listings, edit forms, history, media, users, reports)", async () => {
    const papers = await apiJson<{ results: { slug: string }[] }>("/api/v1/papers/?page_size=1");
    const paper = await apiJson<{ id: number }>(`/api/v1/papers/${papers.results[0]!.slug}/`);
    const events = await apiJson<{ results: { slug: string }[] }>("/api/v1/events/?page_size=1");
    const event = await apiJson<{ id: number }>(`/api/v1/events/${events.results[0]!.slug}/`);
    const group = await apiJson<{ id: number }>("/api/v1/working-groups/it-sicherheit/");
    const paths = [
      "/admin/",
      "/admin/pages/",
      `/admin/pages/${group.id}/`,
      `/admin/pages/${group.id}/edit/`,
      `/admin/pages/${paper.id}/edit/`,
      `/admin/pages/${event.id}/edit/`,
      `/admin/pages/${paper.id}/history/`,
      "/admin/documents/",
      "/admin/documents/multiple/add/",
      "/admin/images/",
      "/admin/images/multiple/add/",
      "/admin/snippets/",
      "/admin/users/",
      "/admin/groups/",
      "/admin/reports/locked/",
      "/admin/workflows/list/",
      "/admin/account/",
      "/django-admin/",
    ];
    for (const path of paths) await visit(path);
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("runs the edit form's widgets that need Wagtail's inline scripts", async () => {
    const papers = await apiJson<{ results: { slug: string }[] }>("/api/v1/papers/?page_size=1");
    const paper = await apiJson<{ id: number }>(`/api/v1/papers/${papers.results[0]!.slug}/`);
    await visit(`/admin/pages/${paper.id}/edit/`);
    // InlinePanel (panels/inline_panel.html) is set up by an inline script: adding works.
    const total = page.locator("#id_key_demands-TOTAL_FORMS");
    const before = Number(await total.inputValue());
    if (before < 3) {
      await page.locator("#id_key_demands-ADD").click();
      expect(Number(await total.inputValue())).toBe(before + 1);
    }
    // The rich text editor (Draftail) and the StreamField are rendered by Wagtail's scripts.
    expect(await page.locator(".Draftail-Editor").count()).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("picks a co-authoring group in the searchable chooser and saves it (choosers/)", async () => {
    type Listed = { slug: string; working_groups: { slug: string }[] };
    const papers = await apiJson<{ results: Listed[] }>("/api/v1/papers/?working_group=it-sicherheit&page_size=50");
    const candidate = papers.results.find(
      (p) => p.working_groups[0]?.slug === "it-sicherheit" && !p.working_groups.some((g) => g.slug === "software"),
    );
    expect(candidate, "a paper of IT-Sicherheit without Software as co-author").toBeDefined();
    const paper = await apiJson<{ id: number }>(`/api/v1/papers/${candidate!.slug}/`);
    await visit(`/admin/pages/${paper.id}/edit/`);
    const chooser = page.locator('[data-multiple-chooser][data-name="co_working_groups"]');
    await chooser.locator("[data-multiple-chooser-add]").click();
    const search = page.locator(".modal-content input[name=q]");
    await search.fill("soft");
    const row = page.locator(".modal-content tbody tr", { hasText: "Arbeitskreis Software" });
    // The unfiltered list shows the row too: wait until the search results have replaced it
    // (a box ticked before would be gone with the old table).
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll(".modal-content tbody tr"));
      return rows.length > 0 && rows.every((tr) => /soft/i.test(tr.textContent ?? ""));
    });
    await row.waitFor();
    expect(await page.locator(".modal-content tbody tr", { hasText: "Arbeitskreis IT-Sicherheit" }).count()).toBe(0);
    await row.locator("input[type=checkbox]").check();
    await page.locator(".modal-content [data-multiple-choice-submit]").click();
    await chooser.locator("[data-multiple-chooser-item]", { hasText: "Arbeitskreis Software" }).waitFor();

    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/admin/pages/${paper.id}/edit/`)),
      page.locator("button.action-save").first().click(),
    ]);
    await visit(`/admin/pages/${paper.id}/edit/`);
    const saved = page.locator('[data-name="co_working_groups"] [data-multiple-chooser-item]', { hasText: "Arbeitskreis Software" });
    expect(await saved.count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it("sends the admin's policy: scripts only from here, no avatars from elsewhere", async () => {
    const response = await fetch(`${BACKEND()}/admin/login/`);
    const policy = response.headers.get("content-security-policy") ?? "";
    const directives = Object.fromEntries(
      policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
    );
    expect(directives["script-src"]).toEqual(expect.arrayContaining(["'self'"]));
    expect(directives["script-src"].filter((v: string) => v !== "'self'" && v !== "'unsafe-inline'")).toEqual([]);
    expect(directives["font-src"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(await (await fetch(`${BACKEND()}/admin/login/`)).text()).not.toContain("gravatar.com");
  });
});
