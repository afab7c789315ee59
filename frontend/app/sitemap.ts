/** sitemap.xml: the site's sections, every working group, public paper and event. */
import type { MetadataRoute } from "next";
import { api } from "@/lib/api";
import { statusKind } from "@/lib/mapping";
import { ROUTES, siteUrl } from "@/lib/site";

export const revalidate = 3600;
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const entries: MetadataRoute.Sitemap = [
    { url: `${base}/`, changeFrequency: "daily", priority: 1 },
    ...[ROUTES.papers, ROUTES.workingGroups, ROUTES.regulatoryProjects, ROUTES.impact, ROUTES.events, ROUTES.organisations].map((path) => ({
      url: `${base}${path}`,
      changeFrequency: "daily" as const,
      priority: 0.8,
    })),
    ...[ROUTES.imprint, ROUTES.privacy].map((path) => ({ url: `${base}${path}`, changeFrequency: "yearly" as const, priority: 0.1 })),
  ];
  try {
    const [papers, groups, events] = await Promise.all([
      api.all((page) => api.papers({ page, page_size: 100, status: ["aktuell", "ueberholt"] })),
      api.workingGroups(),
      api.all((page) => api.events({ page, page_size: 100 })),
    ]);
    for (const g of groups.results) entries.push({ url: `${base}${g.url}`, changeFrequency: "weekly", priority: 0.7 });
    for (const p of papers) {
      entries.push({
        url: `${base}${p.url}`,
        lastModified: p.published_at,
        changeFrequency: "monthly",
        priority: statusKind(p.status) === "current" ? 0.9 : 0.4,
      });
    }
    for (const e of events) entries.push({ url: `${base}${e.url}`, changeFrequency: "monthly", priority: 0.3 });
  } catch {
    // Without the backend the sitemap still lists the site's sections.
  }
  return entries;
}
