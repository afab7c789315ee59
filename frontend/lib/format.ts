/** German formatting of dates, times and counts (fixed to Europe/Berlin, server and client alike). */

const TIME_ZONE = "Europe/Berlin";

function parse(value: string | null | undefined): Date | null {
  if (!value) return null;
  // A bare date (YYYY-MM-DD) is a calendar day, not midnight UTC.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 12.03.2025 */
export function formatDate(value: string | null | undefined): string {
  const date = parse(value);
  if (!date) return "";
  return new Intl.DateTimeFormat("de-DE", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(date);
}

/** 12. März 2025 */
export function formatLongDate(value: string | null | undefined): string {
  const date = parse(value);
  if (!date) return "";
  return new Intl.DateTimeFormat("de-DE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(date);
}

/** Mi., 12. März 2025, 14:00 Uhr */
export function formatDateTime(value: string | null | undefined): string {
  const date = parse(value);
  if (!date) return "";
  const day = new Intl.DateTimeFormat("de-DE", {
    weekday: "short",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(date);
  return `${day}, ${formatTime(value)} Uhr`;
}

/** 14:00 */
export function formatTime(value: string | null | undefined): string {
  const date = parse(value);
  if (!date) return "";
  return new Intl.DateTimeFormat("de-DE", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: TIME_ZONE,
  }).format(date);
}

/** The parts of a calendar sheet: day "12", month "Mär", year "2025". */
export function calendarParts(value: string | null | undefined): { day: string; month: string; year: string } {
  const date = parse(value);
  if (!date) return { day: "", month: "", year: "" };
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat("de-DE", { ...options, timeZone: TIME_ZONE }).format(date);
  return {
    day: part({ day: "numeric" }).replace(".", ""),
    month: part({ month: "short" }).replace(".", ""),
    year: part({ year: "numeric" }),
  };
}

/** The ISO calendar day of a timestamp in Berlin (for <time dateTime> and comparisons). */
export function isoDay(value: string | Date): string {
  const date = typeof value === "string" ? parse(value) : value;
  if (!date) return "";
  return new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE }).format(date);
}

/** "1 Papier", "3 Papiere" */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("de-DE")} ${count === 1 ? one : many}`;
}

/** Days from today (Berlin) until a calendar day; negative when past. */
export function daysUntil(day: string, today: Date = new Date()): number {
  const target = Date.parse(`${day}T00:00:00Z`);
  const now = Date.parse(`${isoDay(today)}T00:00:00Z`);
  return Math.round((target - now) / 86_400_000);
}
