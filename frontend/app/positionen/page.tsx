/** All papers with filters (working group, type, tag, addressee, level, law, year) in the URL. */
import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { EmptyState } from "@/components/EmptyState";
import { FeedLink } from "@/components/FeedLink";
import { SubscribeForm } from "@/components/SubscribeForm";
import { PageHeader } from "@/components/PageHeader";
import { PaperFilters } from "@/components/PaperFilters";
import { PaperList } from "@/components/PaperItem";
import { Pagination } from "@/components/Pagination";
import { BackendUnavailable } from "@/components/BackendUnavailable";
import { ApiError, api, isBackendDown } from "@/lib/api";
import { plural } from "@/lib/format";
import { levelEnumValues, paperStatusEnumValues, paperTypeEnumValues } from "@/lib/api-schema";
import {
  type PaperListState,
  type SearchParamsInput,
  choiceOptions,
  paperListHref,
  paperListQuery,
  paperListState,
} from "@/lib/mapping";
import { basicMetadata } from "@/lib/metadata";
import { ROUTES } from "@/lib/site";

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<SearchParamsInput> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const state = paperListState(await searchParams);
  const filtered = Object.entries(state).some(([k, v]) => k !== "sortierung" && k !== "seite" && Boolean(v));
  return {
    ...basicMetadata("Positionen und Stellungnahmen", "Alle Positionspapiere, Stellungnahmen, Forderungskataloge und Pressemitteilungen der Arbeitskreise – filterbar nach Thema, Adressat und Gesetz.", ROUTES.papers),
    // Filtered and paged lists are for people; the unfiltered list is the one to index.
    robots: filtered || state.seite > 1 ? { index: false, follow: true } : undefined,
  };
}

function years(oldest: string | undefined): string[] {
  const now = new Date().getFullYear();
  const first = oldest ? Number.parseInt(oldest.slice(0, 4), 10) : now - 5;
  const out: string[] = [];
  for (let y = now; y >= first; y -= 1) out.push(String(y));
  return out;
}

export default async function PapersPage({ searchParams }: Props) {
  const state = paperListState(await searchParams);
  let lists;
  let papers;
  try {
    lists = await Promise.all([
      api.workingGroups(),
      api.tags(),
      api.addressees(),
      api.regulatoryProjects(),
      api.papers({ ordering: "published_at", page_size: 1, status: [...paperStatusEnumValues] }),
      // Without search the type and level filters offer only what the URL selected.
      api.paperFacets().catch(() => null),
    ]);
    papers = await api.papers(paperListQuery(state, PAGE_SIZE));
  } catch (error) {
    if (isBackendDown(error)) return <BackendUnavailable />;
    // A filter value the API rejects (unknown slug, page past the end) is an empty result.
    if (!(error instanceof ApiError && error.status === 400) || !lists) throw error;
    papers = { count: 0, next: null, previous: null, results: [] };
  }
  const [groups, tags, addressees, projects, oldest, facets] = lists;
  const paperTypes = choiceOptions(facets?.paper_type ?? [], paperTypeEnumValues, state.art);
  const levels = choiceOptions(facets?.level ?? [], levelEnumValues, state.ebene);
  const totalPages = Math.max(1, Math.ceil(papers.count / PAGE_SIZE));
  const labels: Partial<Record<keyof PaperListState, string>> = {
    arbeitskreis: groups.results.find((g) => g.slug === state.arbeitskreis)?.name ?? state.arbeitskreis,
    art: paperTypes.find((o) => o.value === state.art)?.label ?? state.art,
    schlagwort: tags.results.find((t) => t.slug === state.schlagwort)?.name ?? state.schlagwort,
    adressat: addressees.results.find((a) => a.slug === state.adressat)?.short_name || addressees.results.find((a) => a.slug === state.adressat)?.name || state.adressat,
    ebene: state.ebene ? `Ebene: ${levels.find((o) => o.value === state.ebene)?.label ?? state.ebene}` : "",
    vorhaben: projects.results.find((p) => p.slug === state.vorhaben)?.short_title || projects.results.find((p) => p.slug === state.vorhaben)?.title || state.vorhaben,
    jahr: state.jahr,
  };
  const active = (Object.keys(labels) as (keyof PaperListState)[]).filter((k) => state[k]);
  return (
    <>
      <Breadcrumbs items={[{ label: "Positionen" }]} />
      <PageHeader
        title="Positionen und Stellungnahmen"
        lead="Positionspapiere, Stellungnahmen, Forderungskataloge und Pressemitteilungen unserer Arbeitskreise – an EU, Bund, Länder und Kommunen."
      />
      <div className="container list-layout">
        <PaperFilters
          state={state}
          groups={groups.results}
          tags={tags.results}
          addressees={addressees.results}
          projects={projects.results}
          paperTypes={paperTypes}
          levels={levels}
          years={years(oldest.results[0]?.published_at)}
        />
        <section aria-labelledby="ergebnisse">
          <div className="result-bar">
            <h2 id="ergebnisse" className="visually-hidden">
              Ergebnisse
            </h2>
            <p role="status">{plural(papers.count, "Veröffentlichung", "Veröffentlichungen")}</p>
            <FeedLink workingGroup={state.arbeitskreis || undefined} tag={state.schlagwort || undefined} />
          </div>
          {active.length ? (
            <ul className="active-filters" aria-label="Aktive Filter">
              {active.map((key) => (
                <li key={key}>
                  <Link prefetch={false} href={paperListHref(state, { [key]: key === "archiv" ? false : "" } as Partial<PaperListState>)}>
                    {labels[key]} <span aria-hidden="true">×</span>
                    <span className="visually-hidden"> (Filter entfernen)</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {papers.results.length ? (
            <PaperList papers={papers.results} />
          ) : (
            <EmptyState title="Keine Veröffentlichungen für diese Filter">
              <p>Versuchen Sie es mit weniger Filtern oder durchsuchen Sie alle Texte:</p>
              <ul>
                <li>
                  <Link href={ROUTES.papers}>Alle Filter zurücksetzen</Link>
                </li>
                <li>
                  <Link href={ROUTES.search}>Volltextsuche öffnen</Link>
                </li>
              </ul>
            </EmptyState>
          )}
          <Pagination page={state.seite} totalPages={totalPages} hrefFor={(p) => paperListHref(state, { seite: p })} />
          {state.schlagwort ? (
            <section className="section no-print">
              <SubscribeForm id="benachrichtigen" topic={{ tag: state.schlagwort }} what={`dem Schlagwort „${labels.schlagwort}“`} />
            </section>
          ) : null}
        </section>
      </div>
    </>
  );
}
