/**
 * A confidential share link: the editor saves a draft of a paper, creates a link for a named
 * journalist in the admin and opens it on the frontend — marked, noindex, never cached, no axe
 * violations — then revokes it, and the same address explains in German that it is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { BACKEND, SITE, type Browser, apiJson, axeViolations, startBrowser, watchErrors } from "./helpers";

let browser: Browser;
let admin: Page;
let reader: Page;

// Not the paper the preview spec edits: the files may run side by side.
const SLUG = "green-coding-nachhaltige-software";

beforeAll(async () => {
  browser = await startBrowser();
  admin = await browser.context.newPage();
  reader = await browser.context.newPage();
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

function cacheControl(headers: Record<string, string>): Set<string> {
  return new Set((headers["cache-control"] ?? "").split(",").map((part) => part.trim()));
}

describe("confidential share link", () => {
  it("shows the latest draft, marked and uncached, until the link is revoked", async () => {
    const paper = await apiJson<{ id: number; title: string; url: string }>(`/api/v1/papers/${SLUG}/`);
    const marker = `Vertraulich E2E ${Date.now()}`;
    await login(admin);
    await admin.goto(`${BACKEND()}/admin/pages/${paper.id}/edit/`);
    await admin.fill("#id_title", marker);
    await Promise.all([admin.waitForEvent("load"), admin.locator("form[data-edit-form] button.action-save").first().click()]);
    expect(await admin.inputValue("#id_title")).toBe(marker);

    // The paper's share links (the editor's header links here; tests/sharing/test_admin.py).
    await admin.goto(`${BACKEND()}/admin/sharing/paper/${paper.id}/`);
    await admin.fill("#id_recipient_name", "Petra Presse");
    await admin.fill("#id_recipient_organisation", "Leipziger Tageblatt");
    await admin.fill("#id_recipient_email", "petra@example.org");
    await Promise.all([admin.waitForEvent("load"), admin.locator("form[data-share-link-form] button[type=submit]").click()]);
    const shareUrl = await admin.locator("[data-share-url]").innerText();
    expect(shareUrl).toMatch(new RegExp(`^${SITE()}/vertraulich/[A-Za-z0-9_-]{43}/$`));

    const errors = watchErrors(reader);
    const opened = await reader.goto(shareUrl);
    expect(opened?.status()).toBe(200);
    expect([...cacheControl(opened!.headers())]).toEqual(expect.arrayContaining(["private", "no-store"]));
    expect(await reader.locator("h1").first().innerText()).toBe(marker);
    expect(await reader.locator(".notice--draft").innerText()).toContain("Vertraulicher Entwurf – nicht zitieren");
    expect(await reader.locator(".notice--draft").innerText()).toContain("Petra Presse (Leipziger Tageblatt)");
    expect(await reader.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
    for (const width of [1280, 390]) {
      await reader.setViewportSize({ width, height: 900 });
      const violations = await axeViolations(reader);
      expect(violations, violations.join("\n")).toEqual([]);
    }
    expect(errors).toEqual([]);

    // The public page still shows the published title.
    const published = await browser.context.newPage();
    await published.goto(`${SITE()}${paper.url}`);
    expect(await published.locator("h1").first().innerText()).toBe(paper.title);
    await published.close();

    // The admin lists the link with its access; revoking it ends it at once.
    // A fresh GET: reloading the page the create POST rendered would post the form again.
    await admin.goto(`${BACKEND()}/admin/sharing/paper/${paper.id}/`);
    const row = admin.locator("tr[data-share-link]").first();
    expect(await row.innerText()).toContain("Petra Presse");
    expect(await row.locator("[data-share-state]").innerText()).toContain("aktiv");
    await Promise.all([admin.waitForEvent("load"), row.locator("button[type=submit]").click()]);
    expect(await admin.locator("tr[data-share-link]").first().locator("[data-share-state]").innerText()).toContain("zurückgezogen");

    const gone = await reader.goto(shareUrl);
    expect([...cacheControl(gone!.headers())]).toEqual(expect.arrayContaining(["private", "no-store"]));
    expect(await reader.locator("h1").innerText()).toBe("Dieser Link ist abgelaufen oder wurde zurückgezogen.");
    expect(await reader.content()).not.toContain(marker);
    expect(await reader.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
    const violations = await axeViolations(reader);
    expect(violations, violations.join("\n")).toEqual([]);
  });

  it("explains an unknown link without showing anything", async () => {
    const response = await reader.goto(`${SITE()}/vertraulich/${"x".repeat(43)}/`);
    expect([...cacheControl(response!.headers())]).toEqual(expect.arrayContaining(["private", "no-store"]));
    expect(await reader.locator("h1").innerText()).toBe("Diesen Link gibt es nicht.");
    const violations = await axeViolations(reader);
    expect(violations, violations.join("\n")).toEqual([]);
  });
});
