/** Shared setup of the browser tests: one Chromium per file, base URLs from the environment. */
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
// @ts-expect-error -- plain ESM helper shared with the screenshot and Lighthouse scripts
import { launchBrowser } from "../../scripts/browser.mjs";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} fehlt: die E2E-Tests laufen über tests/e2e/run.py (oder setzen Sie ${name}).`);
  return value.replace(/\/$/, "");
}

export const SITE = () => required("E2E_BASE_URL");
export const BACKEND = () => required("E2E_BACKEND_URL");

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function startBrowser(): Promise<Browser> {
  return (await launchBrowser()) as Browser;
}

/** Fail on console errors and failed same-origin requests, which hide broken pages. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !/favicon|Failed to load resource: the server responded with a status of 404/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return errors;
}

/** Run axe (WCAG 2.0/2.1 A and AA) and describe each violation readably. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`,
  );
}

export async function apiJson<T>(path: string): Promise<T> {
  const response = await fetch(`${BACKEND()}${path}`, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
