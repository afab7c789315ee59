/** Every Wagtail page (working groups, papers, events) by its path, resolved through the API. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PageSwitch } from "@/components/PageSwitch";
import { api } from "@/lib/api";
import { pathFromSegments } from "@/lib/mapping";
import { canonical, pageMetadata } from "@/lib/metadata";
import { loadPage } from "@/lib/pages";

// Rendered on first request, then cached (ISR) until the backend's webhook or the timer
// refreshes it; nothing is fetched at build time.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { path: string[] }[] {
  return [];
}

type Props = { params: Promise<{ path: string[] }> };

const load = cache(async (path: string) => {
  const resolution = await api.resolvePath(path);
  return resolution ? loadPage(path, resolution) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = pathFromSegments((await params).path);
  const page = await load(path);
  return page ? pageMetadata(page) : { title: "Seite nicht gefunden", robots: { index: false } };
}

export default async function WagtailPage({ params }: Props) {
  const path = pathFromSegments((await params).path);
  const page = await load(path);
  if (!page) notFound();
  return <PageSwitch page={page} canonicalUrl={canonical(path)} />;
}
