/** Site constants and environment: the one module that knows names, URLs and labels. */
import type { FacetName } from "./types";

function env(name: string): string | undefined {
  const value = process.env[name];
  return value && value.trim() !== "" ? value.trim() : undefined;
}

/** Base URL of the Sprachrohr backend as the Next.js server reaches it (server-side only). */
export function apiBaseUrl(): string {
  return (env("SPRACHROHR_API_URL") ?? "http://127.0.0.1:8000").replace(/\/+$/, "");
}

/** Base URL of the backend as browsers reach it (PDF downloads, API docs, feeds). */
export function publicApiBaseUrl(): string {
  return (env("SPRACHROHR_PUBLIC_API_URL") ?? apiBaseUrl()).replace(/\/+$/, "");
}

/** The public origin of this site, for canonical URLs, OpenGraph, sitemap and citations. */
export function siteUrl(): string {
  return (env("SPRACHROHR_SITE_URL") ?? env("FRONTEND_URL") ?? "http://127.0.0.1:3000").replace(
    /\/+$/,
    "",
  );
}

/** Shared secret of the backend's revalidation webhook; unset disables the webhook. */
export function revalidateSecret(): string | undefined {
  return env("FRONTEND_REVALIDATE_SECRET");
}

/** Seconds a cached API answer is used before it is refreshed in the background. */
export const REVALIDATE_SECONDS = 300;

export const SITE = {
  name: "Cluster IT Mitteldeutschland",
  legalName: "Cluster IT Mitteldeutschland e. V.",
  shortName: "CITM",
  tagline: "Positionen der IT-Wirtschaft in Sachsen, Sachsen-Anhalt und Thüringen",
  description:
    "Positionspapiere, Stellungnahmen und Forderungen der Arbeitskreise des Cluster IT Mitteldeutschland e. V. an Politik und Verwaltung – durchsuchbar, zitierfähig und frei zugänglich.",
  intro:
    "Der Cluster IT Mitteldeutschland e. V. vertritt rund 60 IT-Unternehmen aus Sachsen, Sachsen-Anhalt und Thüringen. In unseren Arbeitskreisen entstehen Positionen, Stellungnahmen und Forderungen an Politik und Verwaltung.",
  email: "kontakt@cluster-it-mitteldeutschland.example",
  address: ["Cluster IT Mitteldeutschland e. V.", "Geschäftsstelle", "Musterstraße 1", "04109 Leipzig"],
} as const;

export const NAVIGATION = [
  { href: "/positionen/", label: "Positionen" },
  { href: "/arbeitskreise/", label: "Arbeitskreise" },
  { href: "/regelungsvorhaben/", label: "Regelungsvorhaben" },
  { href: "/veranstaltungen/", label: "Veranstaltungen" },
  { href: "/mitglieder/", label: "Mitglieder" },
] as const;

export const FOOTER_LINKS = [
  { href: "/impressum/", label: "Impressum" },
  { href: "/datenschutz/", label: "Datenschutz" },
  { href: "/feeds/papers.atom", label: "Atom-Feed" },
] as const;

/** Routes of this site that are not Wagtail pages. */
export const ROUTES = {
  papers: "/positionen/",
  search: "/suche/",
  regulatoryProjects: "/regelungsvorhaben/",
  organisations: "/mitglieder/",
  workingGroups: "/arbeitskreise/",
  events: "/veranstaltungen/",
  imprint: "/impressum/",
  privacy: "/datenschutz/",
  feed: "/feeds/papers.atom",
  impact: "/wirkung/",
} as const;

/** Facet and filter names as the UI shows them (values and their labels come from the API). */
export const FILTER_LABELS: Record<FacetName, string> = {
  working_group: "Arbeitskreis",
  paper_type: "Art",
  tag: "Schlagwort",
  addressee: "Adressat",
  level: "Ebene",
  regulatory_project: "Regelungsvorhaben",
  year: "Jahr",
};
