/** Per-page metadata (title, description, canonical URL, OpenGraph) for loaded pages. */
import type { Metadata } from "next";
import { hrefWith, statusKind, truncate } from "./mapping";
import type { LoadedPage } from "./pages";
import { ROUTES, SITE, siteUrl } from "./site";

export function canonical(path: string): string {
  return `${siteUrl()}${path}`;
}

/** The site-wide Atom feed; Next merges metadata shallowly, so every page repeats it. */
export const FEED_ALTERNATE = { "application/atom+xml": [{ url: ROUTES.feed, title: `${SITE.name}: neue Positionen` }] };

export function basicMetadata(title: string, description: string, path: string): Metadata {
  return {
    title,
    description,
    alternates: { canonical: canonical(path), types: FEED_ALTERNATE },
    openGraph: { title, description, url: canonical(path), type: "website", siteName: SITE.legalName, locale: "de_DE" },
    twitter: { card: "summary", title, description },
  };
}

export function pageMetadata(page: LoadedPage): Metadata {
  switch (page.kind) {
    case "paper": {
      const p = page.paper;
      const base = basicMetadata(p.title, truncate(p.summary || p.at_a_glance.verdict || SITE.description, 200), page.path);
      return {
        ...base,
        robots: statusKind(p.status) === "withdrawn" ? { index: false, follow: true } : undefined,
        openGraph: {
          ...base.openGraph,
          type: "article",
          publishedTime: p.published_at,
          modifiedTime: p.last_published_at ?? undefined,
          section: p.paper_type.label,
          tags: p.tags.map((t) => t.name),
        },
        other: { "citation_title": p.title, "citation_publication_date": p.published_at, "citation_id": p.citation_id },
      };
    }
    case "group": {
      const g = page.group;
      return {
        ...basicMetadata(`Arbeitskreis ${g.name.replace(/^(AK|Arbeitskreis)\s+/, "")}`, truncate(g.short_description, 200), page.path),
        alternates: {
          canonical: canonical(page.path),
          types: {
            "application/atom+xml": [
              { url: hrefWith(ROUTES.feed, { working_group: g.slug }), title: `${g.name}: neue Papiere` },
              ...FEED_ALTERNATE["application/atom+xml"],
            ],
          },
        },
      };
    }
    case "groupIndex":
      return basicMetadata(page.title, "Die Arbeitskreise des Cluster IT Mitteldeutschland und ihre Themen.", page.path);
    case "event":
      return basicMetadata(page.event.title, truncate(page.event.description || `Veranstaltung des ${SITE.legalName}`, 200), page.path);
    case "eventIndex":
      return basicMetadata(page.title, `Veranstaltungen und Termine des ${SITE.legalName}.`, page.path);
  }
}
