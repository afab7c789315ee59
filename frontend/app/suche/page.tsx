/** Full-text search: query, facets with counts, highlighted snippets, did-you-mean, pagination. */
import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { EmptyState } from "@/components/EmptyState";
import { FacetGroup } from "@/components/FacetGroup";
import { InstantSearch } from "@/components/InstantSearch";
import { PaperItem } from "@/components/PaperItem";
import { Pagination } from "@/components/Pagination";
import { SearchInput } from "@/components/SearchInput";
import { BackendUnavailable } from "@/components/BackendUnavailable";
import { ApiError, api, isBackendDown } from "@/lib/api";
import { plural } from "@/lib/format";
import {
  SEARCH_FACETS,
  type SearchParamsInput,
  hrefWith,
  safeHighlight,
  searchHref,
  searchState,
  toggleFacet,
} from "@/lib/mapping";
import { basicMetadata } from "@/lib/metadata";
import { FILTER_LABELS, ROUTES } from "@/lib/site";
import { SubscribeForm } from "@/components/SubscribeForm";
import type { SearchResponse } from "@/lib/types";

const PAGE_SIZE = 10;
const FORM_ID = "search-form";

type Props = { searchParams: Promise<SearchParamsInput> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = searchState(await searchParams);
  return {
    ...basicMetadata(q ? `Suche: ${q}` : "Suche", "Alle Positionen, Stellungnahmen und Forderungen im Volltext durchsuchen.", ROUTES.search),
    robots: { index: false, follow: true },
  };
}

async function Tips() {
  const [tags, groups] = await Promise.all([api.tags(), api.workingGroups()]);
  // The API lists tags most used first.
  const top = tags.results.slice(0, 12);
  return (
    <>
      <h3>Häufige Themen</h3>
      <ul className="tag-list">
        {top.map((t) => (
          <li key={t.slug}>
            <Link prefetch={false} href={hrefWith(ROUTES.search, { tag: t.slug })}>{t.name}</Link>
          </li>
        ))}
      </ul>
      <h3>Nach Arbeitskreis</h3>
      <ul className="tag-list">
        {groups.results.map((g) => (
          <li key={g.slug}>
            <Link prefetch={false} href={hrefWith(ROUTES.search, { working_group: g.slug })}>{g.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const state = searchState(await searchParams);
  const hasQuery = Boolean(state.q) || Object.keys(state.filters).length > 0;
  let result: SearchResponse | null = null;
  let problem: string | null = null;
  if (hasQuery) {
    try {
      result = await api.search({
        q: state.q,
        ...state.filters,
        page: state.page > 1 ? state.page : undefined,
        page_size: PAGE_SIZE,
        correct: state.exact ? false : undefined,
      });
    } catch (error) {
      if (isBackendDown(error)) return <BackendUnavailable />;
      if (error instanceof ApiError && error.status === 400) problem = error.problem?.detail ?? "Die Suchanfrage ist ungültig.";
      else throw error;
    }
  }
  const totalPages = result ? Math.max(1, Math.min(Math.ceil(result.count / PAGE_SIZE), 1000)) : 1;
  const activeFilters = SEARCH_FACETS.flatMap((facet) =>
    (state.filters[facet] ?? []).map((value) => ({
      facet,
      value,
      label: result?.facets[facet].find((v) => v.value === value)?.label ?? value,
    })),
  );
  return (
    <>
      <Breadcrumbs items={[{ label: "Suche" }]} />
      <header className="page-header container">
        <h1>Suche</h1>
        <form id={FORM_ID} action={ROUTES.search} method="get" role="search" aria-label="Positionen durchsuchen" style={{ maxWidth: "44rem" }}>
          <label htmlFor="search-q">Suchbegriff</label>
          <div className="search-field">
            <SearchInput id="search-q" defaultValue={state.q} placeholder="Thema, Gesetz, Adressat oder Zitier-ID" />
            <button type="submit" className="button">
              Suchen
            </button>
          </div>
          <p className="small muted" style={{ margin: "0.4rem 0 0" }}>
            Ergebnisse und Filter aktualisieren sich beim Tippen und Ankreuzen.
          </p>
        </form>
        <InstantSearch formId={FORM_ID} />
      </header>

      <div className="container list-layout list-layout--search">

        <section aria-labelledby="treffer">
          <h2 id="treffer" className="visually-hidden">
            Treffer
          </h2>
          {problem ? (
            <div className="notice notice--warn" role="alert">
              <p>{problem}</p>
            </div>
          ) : null}
          {result ? (
            <>
              <div className="result-bar">
                <p role="status">
                  {plural(result.count, "Treffer", "Treffer")}
                  {state.q ? <> für „{result.corrected_query ?? state.q}“</> : null}
                </p>
                {result.results.length ? (
                  <a className="filter-jump" href="#facetten">
                    Ergebnisse filtern
                  </a>
                ) : null}
              </div>
              {result.corrected_query ? (
                <p className="did-you-mean">
                  Ergebnisse für „{result.corrected_query}“ – stattdessen nach „
                  <Link prefetch={false} href={searchHref({ ...state, exact: true })}>
                    {state.q}
                  </Link>
                  “ suchen
                </p>
              ) : null}
              {result.relaxed ? (
                <p className="did-you-mean">Kein Papier enthält alle Suchwörter – gezeigt werden Papiere mit einigen davon.</p>
              ) : null}
              {result.suggestion ? (
                <p className="did-you-mean">
                  Meinten Sie{" "}
                  <Link prefetch={false} href={searchHref({ ...state, q: result.suggestion })}>
                    <strong>{result.suggestion}</strong>
                  </Link>
                  ?
                </p>
              ) : null}
              {activeFilters.length ? (
                <ul className="active-filters" aria-label="Aktive Filter">
                  {activeFilters.map((f) => (
                    <li key={`${f.facet}-${f.value}`}>
                      <Link prefetch={false} href={searchHref(toggleFacet(state, f.facet, f.value))}>
                        {FILTER_LABELS[f.facet]}: {f.label} <span aria-hidden="true">×</span>
                        <span className="visually-hidden"> (Filter entfernen)</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
              {result.results.length ? (
                <ul className="paper-list">
                  {result.results.map((hit) => {
                    const { title, summary, body } = hit.highlight;
                    const pdfPassages = hit.pdf_passages;
                    return (
                      <PaperItem
                        key={hit.slug}
                        paper={hit}
                        titleHtml={title ? safeHighlight(title) : undefined}
                        summaryHtml={summary ?? undefined}
                        snippets={body}
                        href={state.q ? hrefWith("/api/treffer", { q: state.q, papier: hit.slug, ziel: hit.url }) : undefined}
                        pdfPassages={pdfPassages}
                      />
                    );
                  })}
                </ul>
              ) : (
                <EmptyState title={state.q ? `Keine Treffer für „${state.q}“` : "Keine Treffer"}>
                  <ul>
                    <li>Prüfen Sie die Schreibweise oder verwenden Sie allgemeinere Begriffe.</li>
                    <li>Suchen Sie nach einem Gesetz (z. B. „NIS2“), einem Ministerium oder einer Zitier-ID.</li>
                    {activeFilters.length ? (
                      <li>
                        <Link prefetch={false} href={hrefWith(ROUTES.search, { q: state.q })}>Suche ohne Filter wiederholen</Link>
                      </li>
                    ) : null}
                    <li>
                      <Link href={ROUTES.papers}>Alle Positionen nach Arbeitskreis, Adressat oder Jahr durchblättern</Link>
                    </li>
                  </ul>
                  <Tips />
                </EmptyState>
              )}
              <Pagination page={state.page} totalPages={totalPages} hrefFor={(p) => searchHref(state, { page: p })} />
              <section className="section no-print">
                <SubscribeForm
                  id="suche-abonnieren"
                  title="Diese Suche abonnieren"
                  topic={{ query: { q: state.q || undefined, ...state.filters } }}
                  what={state.q ? `„${state.q}“ mit diesen Filtern` : "dieser Auswahl"}
                />
              </section>
            </>
          ) : problem ? null : (
            <EmptyState title="Wonach suchen Sie?">
              <p>
                Durchsuchen Sie alle Positionspapiere, Stellungnahmen und Forderungen – nach Thema, Gesetz, Adressat oder
                Zitier-ID. Die Suche versteht deutsche Wortformen: „Fachkräfte“ findet auch „Fachkräftegewinnung“.
              </p>
              <Tips />
            </EmptyState>
          )}
        </section>
        <aside className="filters" aria-labelledby="facetten">
          <h2 id="facetten">Filter</h2>
          {result && Object.values(result.facets).some((v) => v.length) ? (
            <>
              {SEARCH_FACETS.map((facet) => (
                <FacetGroup
                  key={facet}
                  name={facet}
                  label={FILTER_LABELS[facet]}
                  values={result.facets[facet]}
                  selected={state.filters[facet] ?? []}
                  formId={FORM_ID}
                />
              ))}
              <div className="filters__actions">
                <button type="submit" form={FORM_ID} className="button button--secondary">
                  Filter anwenden
                </button>
                {activeFilters.length ? <Link prefetch={false} href={hrefWith(ROUTES.search, { q: state.q })}>Alle Filter entfernen</Link> : null}
              </div>
            </>
          ) : (
            <p className="small muted">{result ? "Für diese Suche gibt es keine Filter." : "Filter erscheinen, sobald Sie suchen."}</p>
          )}
        </aside>
      </div>
    </>
  );
}
