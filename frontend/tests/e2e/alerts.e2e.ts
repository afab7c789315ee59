/** E-mail alerts without JavaScript, end to end: form POST → confirmation mail → alert → unsubscribe. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
// @ts-expect-error -- plain ESM helper shared with the screenshot and Lighthouse scripts
import { CHROMIUM, CHROMIUM_FLAGS } from "../../scripts/browser.mjs";
import { BACKEND, SITE, apiJson, axeViolations } from "./helpers";
import { type Mail, awaitMail, header, linkIn, mailsTo } from "./mail";

const GROUP = "personal";
const PAPER = "arbeitszeiterfassung-mobiles-arbeiten";
const SUBSCRIBER = "e2e-abonnentin@example.org";

let browser: Browser;
// Two contexts of one browser: the visitor's has JavaScript off; axe and the admin need it on.
let plain: Page;
let scripted: Page;
let confirmLink = "";
let alert: Mail;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const options = { locale: "de-DE", timezoneId: "Europe/Berlin", viewport: { width: 1280, height: 900 } };
  plain = await (await browser.newContext({ ...options, javaScriptEnabled: false })).newPage();
  scripted = await (await browser.newContext(options)).newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Click a form's button; the route handler must answer 303 and the German page after it 200. */
async function submit(page: Page, button: Locator, target: RegExp): Promise<void> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().method() === "GET" && target.test(r.url())),
    button.click(),
  ]);
  const post = response.request().redirectedFrom();
  expect(post?.method()).toBe("POST");
  expect((await post!.response())?.status()).toBe(303);
  expect(response.status()).toBe(200);
  await page.waitForLoadState("load");
}

async function heading(page: Page): Promise<string> {
  return (await page.locator("h1").innerText()).trim();
}

async function expectNoAxeViolations(url: string): Promise<void> {
  const response = await scripted.goto(url, { waitUntil: "load" });
  expect(response?.status()).toBe(200);
  const violations = await axeViolations(scripted);
  expect(violations, `${url}\n${violations.join("\n")}`).toEqual([]);
}

describe("alerts without JavaScript", () => {
  it("subscribes on a working group page: German result page, then the confirmation mail", async () => {
    const group = await apiJson<{ url: string; name: string }>(`/api/v1/working-groups/${GROUP}/`);
    const response = await plain.goto(`${SITE()}${group.url}`);
    expect(response?.status()).toBe(200);
    const form = plain.locator("form.subscribe");
    expect(await form.count()).toBe(1);
    await form.getByLabel("E-Mail-Adresse").fill(SUBSCRIBER);
    await form.getByLabel("Wie oft?").selectOption("sofort");
    await submit(plain, form.getByRole("button", { name: "Benachrichtigen" }), /\/benachrichtigungen\/\?status=angefragt$/);
    expect(await heading(plain)).toBe("Fast geschafft");
    expect(await plain.locator("[role=status]").innerText()).toContain("Bestätigungslink");

    const mail = await awaitMail(SUBSCRIBER, /^Bitte bestätigen: Benachrichtigung zu „Arbeitskreis /);
    expect(header(mail, "Subject")).toContain(group.name);
    expect(mail.text).toContain("(sofort)");
    confirmLink = linkIn(mail, /\/benachrichtigungen\/bestaetigen\/\?token=/);
    expect(confirmLink.startsWith(`${SITE()}/benachrichtigungen/bestaetigen/?token=`)).toBe(true);
  });

  it("the link of the confirmation mail confirms once, then is spent", async () => {
    expect(confirmLink).not.toBe("");
    const response = await plain.goto(confirmLink);
    expect(response?.status()).toBe(200);
    expect(await heading(plain)).toBe("Benachrichtigung bestätigen");
    await submit(plain, plain.getByRole("button", { name: "Jetzt bestätigen" }), /status=bestaetigt$/);
    expect(await heading(plain)).toBe("Benachrichtigung bestätigt");

    await plain.goto(confirmLink);
    await submit(plain, plain.getByRole("button", { name: "Jetzt bestätigen" }), /status=ungueltig$/);
    expect(await heading(plain)).toBe("Link ungültig");
  });

  it("'Diese Suche abonnieren' on the search page subscribes to the search", async () => {
    const response = await plain.goto(`${SITE()}/suche/?q=Arbeitszeit`);
    expect(response?.status()).toBe(200);
    const form = plain.locator("form.subscribe", { has: plain.getByRole("heading", { name: "Diese Suche abonnieren" }) });
    expect(await form.count()).toBe(1);
    await form.getByLabel("E-Mail-Adresse").fill(SUBSCRIBER);
    await form.getByLabel("Wie oft?").selectOption("wöchentlich");
    await submit(plain, form.getByRole("button", { name: "Benachrichtigen" }), /status=angefragt$/);
    expect(await heading(plain)).toBe("Fast geschafft");
    const mail = await awaitMail(SUBSCRIBER, /^Bitte bestätigen: .*Arbeitszeit/);
    expect(mail.text).toContain("(wöchentlich)");
  });

  it("an address the API refuses ends on the German error page, not a 500", async () => {
    await plain.goto(`${SITE()}/arbeitskreise/${GROUP}/`);
    const form = plain.locator("form.subscribe");
    // Valid for the browser's own check (no JavaScript involved), refused by the API.
    await form.getByLabel("E-Mail-Adresse").fill("jemand@ohne-punkt");
    await submit(plain, form.getByRole("button", { name: "Benachrichtigen" }), /status=fehler$/);
    expect(await heading(plain)).toBe("Das hat nicht geklappt");
    expect(await plain.locator("[role=status]").innerText()).toContain("E-Mail-Adresse");
    expect(await mailsTo("jemand@ohne-punkt")).toEqual([]);
  });

  it("a filled honeypot gets the same German answer and no mail", async () => {
    const bot = "e2e-bot@example.org";
    await plain.goto(`${SITE()}/arbeitskreise/${GROUP}/`);
    const form = plain.locator("form.subscribe");
    await form.getByLabel("E-Mail-Adresse").fill(bot);
    await form.locator('input[name="website"]').fill("https://spam.example", { force: true });
    await submit(plain, form.getByRole("button", { name: "Benachrichtigen" }), /status=angefragt$/);
    expect(await heading(plain)).toBe("Fast geschafft");
    // The API sends the confirmation before it answers: had there been one, it would be here.
    expect(await mailsTo(bot)).toEqual([]);
  });

  it("a new version of a group paper sends one alert with one-click unsubscribe headers", async () => {
    const paper = await apiJson<{ id: number; title: string; url: string }>(`/api/v1/papers/${PAPER}/`);
    await scripted.goto(`${BACKEND()}/admin/login/`);
    await scripted.fill("#id_username", "redaktion");
    await scripted.fill("#id_password", "demo-redaktion-2026");
    await Promise.all([
      scripted.waitForURL((url) => !url.pathname.includes("/login")),
      scripted.locator("form button[type=submit]").first().click(),
    ]);
    await scripted.goto(`${BACKEND()}/admin/pages/${paper.id}/edit/`);
    await scripted.fill("#id_version_label", "2.0");
    const publish = scripted.locator('button[name="action-publish"]');
    // Publishing is behind the footer's action menu ("Veröffentlichen"), as in revalidate.e2e.ts.
    if (!(await publish.isVisible())) await scripted.locator('[data-w-dropdown-target="toggle"], button[aria-label*="Aktionen"], .footer button.dropdown-toggle').last().click();
    await Promise.all([scripted.waitForURL((url) => !url.pathname.endsWith("/edit/")), publish.click()]);

    // The worker sends it after the index update (and whatever else is queued): await it.
    const title = paper.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    alert = await awaitMail(SUBSCRIBER, new RegExp(`^Neuigkeit zu „Arbeitskreis .+“: ${title}$`), 120_000);
    expect(header(alert, "List-Unsubscribe")).toMatch(new RegExp(`^<${BACKEND()}/api/v1/subscriptions/unsubscribe/[^/>]+/>$`));
    expect(header(alert, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(alert.text).toContain("Neue Version 2.0.");
    expect(alert.text).toContain(`${SITE()}${paper.url}`);
    expect(alert.html).toContain(`href="${SITE()}${paper.url}"`);
    // The weekly search collects the paper for its digest; only the immediate one mails now.
    // Nothing about papers that came out before the subscription (the demo's queued alerts).
    expect((await mailsTo(SUBSCRIBER)).filter((m) => /^Neuigkeit/.test(header(m, "Subject") ?? ""))).toHaveLength(1);
  }, 180_000);

  it("the alert's unsubscribe and manage links work without JavaScript", async () => {
    const manage = linkIn(alert, /\/benachrichtigungen\/verwalten\/\?token=/);
    await plain.goto(manage);
    expect(await heading(plain)).toBe("Benachrichtigungen verwalten");
    const listed = () => plain.locator("main .prose li").allInnerTexts();
    const both = await listed();
    expect(both).toHaveLength(2);
    expect(both.some((item) => /^„Arbeitskreis .+“ – sofort/.test(item))).toBe(true);
    expect(both.some((item) => /^Suche „Arbeitszeit“ – wöchentlich \(noch nicht bestätigt\)/.test(item))).toBe(true);

    const response = await plain.goto(linkIn(alert, /\/benachrichtigungen\/abmelden\/\?token=/));
    expect(response?.status()).toBe(200);
    expect(await heading(plain)).toBe("Benachrichtigung abbestellen");
    await submit(plain, plain.getByRole("button", { name: "Abmelden" }), /status=abgemeldet$/);
    expect(await heading(plain)).toBe("Abgemeldet");

    await plain.goto(manage);
    const left = await listed();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^Suche „Arbeitszeit“ – wöchentlich/);
    await submit(plain, plain.getByRole("button", { name: "Alle löschen" }), /\/benachrichtigungen\/verwalten\/\?token=.*&geloescht=1$/);
    expect(await plain.locator("main").innerText()).toContain("Für diese Adresse ist nichts gespeichert.");
  });
});

describe("alert pages with axe (JavaScript on): 0 violations", () => {
  // The search page's form is checked by a11y.e2e.ts; the result page is one template for all outcomes.
  it.each([
    ["Arbeitskreis mit Formular", () => `${SITE()}/arbeitskreise/${GROUP}/`],
    ["Ergebnis", () => `${SITE()}/benachrichtigungen/?status=angefragt`],
    ["Bestätigung", () => confirmLink],
    ["Abmelden", () => linkIn(alert, /\/benachrichtigungen\/abmelden\/\?token=/)],
    ["Verwalten", () => linkIn(alert, /\/benachrichtigungen\/verwalten\/\?token=/)],
  ])("%s", async (_name, url) => {
    await expectNoAxeViolations(url());
  });
});
