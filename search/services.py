"""Searching: run a query on the active backend and turn hits into public papers."""

import logging
import re
from dataclasses import dataclass, replace

from wagtail.models import Page

from search.analysis import fold
from search.backends import SearchUnavailable, fallback_backend, search_backend
from search.backends.base import Completion, SearchOutcome, SearchRequest
from search.content import FACETS
from search.highlight import Highlighter
from search.hydration import papers_for_hits_cached
from search.query import ParsedQuery, query_parse
from search.synonyms import synonyms_expand
from search.visibility import facet_labels, hidden_ids, search_visibility
from workgroups.models import Level, PaperType
from workgroups.selectors import PublicScope, public_scope

logger = logging.getLogger(__name__)

SUGGEST_LIMIT = 8


@dataclass
class SearchResultPage:
    """One page of search results, ready for the API serializers."""

    count: int
    papers: list  # search/hydration.py rows with .search_score and .search_highlight
    facets: dict[str, list[dict]]
    suggestion: str | None
    backend: str
    scope: PublicScope
    # Nothing matched the user's words: the hits are for this corrected text instead.
    corrected_query: str | None = None
    # Nothing matched all words (and no correction helped): papers matching some of them.
    relaxed: bool = False


def _labels(facet: str, values: list[str], named: dict[str, str] | None) -> dict[str, str]:
    if not values:
        return {}
    if named is not None:
        return named
    if facet == "paper_type":
        rows = [(v, str(PaperType(v).label)) for v in values if v in PaperType.values]
    elif facet == "level":
        rows = [(v, str(Level(v).label)) for v in values if v in Level.values]
    else:
        rows = [(v, v) for v in values]
    return dict(rows)


def facets_labelled(
    facets: dict[str, list[tuple[str, int]]], *, labels: dict[str, dict[str, str]] | None = None
) -> dict[str, list[dict]]:
    """Facet values with their German labels (names from ``labels``, else from the database)."""
    labels = labels if labels is not None else facet_labels()
    out = {}
    for facet in FACETS:
        values = facets.get(facet, [])
        named = _labels(facet, [value for value, _count in values], labels.get(facet))
        out[facet] = [
            {"value": value, "label": named.get(value, value), "count": count}
            for value, count in values
        ]
    return out


def suggestion_from(query: ParsedQuery, corrections: dict[str, str]) -> str | None:
    """The user's text with unknown words replaced by the closest known ones, or None."""
    if not corrections:
        return None

    def replace(match: re.Match) -> str:
        word = match.group()
        fixed = corrections.get(word.lower())
        if not fixed:
            return word
        return fixed[:1].upper() + fixed[1:] if word[:1].isupper() else fixed

    suggestion = re.sub(r"[^\W_]+", replace, query.text.strip())
    return suggestion if suggestion != query.text.strip() else None


def _run(request: SearchRequest) -> SearchOutcome:
    backend = search_backend()
    try:
        return backend.search(request)
    except SearchUnavailable as exc:
        fallback = fallback_backend()
        if fallback is None:
            raise
        logger.warning("Elasticsearch nicht erreichbar, Suche aus der Datenbank: %s", exc)
        return fallback.search(request)


def _finds_papers(text: str, *, filters: dict, hidden: frozenset[int]) -> bool:
    request = SearchRequest(
        query=synonyms_expand(query_parse(text)),
        filters=filters,
        offset=0,
        limit=1,
        hidden_ids=hidden,
    )
    return _run(request).count > 0


def _recover(
    request: SearchRequest, outcome: SearchOutcome, *, correct: bool
) -> tuple[SearchRequest, SearchOutcome, str | None, str | None, bool]:
    """After a search found nothing: the corrected or relaxed search that finds something.

    Returns (request, outcome, corrected text, did-you-mean text, relaxed). A correction
    counts only if its own search finds papers — with the same filters and hidden papers,
    so a word known only from a paper that is no longer public never leads anywhere.
    """
    query = request.query
    suggestion = suggestion_from(query, outcome.corrections)
    if suggestion:
        if correct:
            corrected = replace(request, query=synonyms_expand(query_parse(suggestion)))
            found = _run(corrected)
            if found.count:
                return corrected, found, suggestion, None, False
            suggestion = None
        elif not _finds_papers(suggestion, filters=request.filters, hidden=request.hidden_ids):
            suggestion = None
        # else: the user asked for their own spelling; the correction is only offered.
    if _relaxable(query):
        relaxed = replace(request, match_any=True)
        found = _run(relaxed)
        if found.count:
            return relaxed, found, None, suggestion, True
    return request, outcome, None, suggestion, False


def _relaxable(query: ParsedQuery) -> bool:
    return len(query.positive) > 1


def search_papers(
    *,
    q: str,
    filters: dict[str, tuple[str, ...]],
    offset: int,
    limit: int,
    scope: PublicScope | None = None,
    correct: bool = True,
) -> SearchResultPage:
    """Search public papers: hits from the engine, papers (in hit order) from the database.

    Editors' synonyms widen the query. A query that finds nothing is answered with the
    corrected spelling's hits (``correct``; otherwise the correction is only suggested),
    else with papers matching some of the words (relaxed).
    """
    # Scope, hidden papers and facet labels are worked out once per content version.
    visibility = search_visibility()
    if scope is None:
        scope, hidden, version = visibility.scope, visibility.hidden_ids, visibility.version
    else:
        hidden, version = hidden_ids(scope=scope), None
    request = SearchRequest(
        query=synonyms_expand(query_parse(q)),
        filters=filters,
        offset=offset,
        limit=limit,
        hidden_ids=hidden,
    )
    outcome = _run(request)
    corrected_query, suggestion, relaxed = None, None, False
    if outcome.count == 0 and request.query.positive:
        request, outcome, corrected_query, suggestion, relaxed = _recover(
            request, outcome, correct=correct
        )
    query = request.query
    ids = [hit.page_id for hit in outcome.hits]
    # The database has the last word: a hit the index still holds for a page that is no
    # longer public is dropped here, never shown.
    papers = papers_for_hits_cached(ids=ids, scope=scope, version=version)
    results = []
    highlighter = Highlighter(query)
    for hit in outcome.hits:
        paper = papers.get(hit.page_id)
        if paper is None:
            continue
        paper.search_score = hit.score
        paper.search_highlight = highlighter.hit(hit.texts)
        paper.search_pdf_passages = highlighter.passages(hit.texts.get("passages") or [])
        results.append(paper)
    return SearchResultPage(
        count=outcome.count,
        papers=results,
        facets=facets_labelled(outcome.facets, labels=visibility.labels),
        suggestion=suggestion,
        backend=outcome.backend,
        scope=scope,
        corrected_query=corrected_query,
        relaxed=relaxed,
    )


def completions_get(*, prefix: str, limit: int = SUGGEST_LIMIT) -> list[dict]:
    """Up to ``limit`` completions for search-as-you-type, only from public pages."""
    prefix = prefix.strip()
    if not prefix:
        return []
    try:
        found: list[Completion] = search_backend().complete(prefix=prefix, limit=limit)
    except SearchUnavailable:
        fallback = fallback_backend()
        if fallback is None:
            raise
        found = fallback.complete(prefix=prefix, limit=limit)
    scope = public_scope()
    page_ids = {c.page_id for c in found}
    public = set(
        Page.objects.filter(scope.q(), pk__in=page_ids).values_list("pk", flat=True)
        if page_ids
        else []
    )
    folded = " ".join(fold(w) for w in prefix.split())
    best: dict[str, tuple[tuple, Completion]] = {}
    for completion in found:
        if completion.page_id not in public:
            continue
        key = completion.text.casefold()
        starts = completion.keys[0].startswith(folded) if completion.keys else False
        rank = (not starts, -completion.weight, completion.text.casefold())
        if key not in best or rank < best[key][0]:
            best[key] = (rank, completion)
    ordered = [c for _rank, c in sorted(best.values(), key=lambda item: item[0])[:limit]]
    return [{"text": c.text, "kind": c.kind, "url": c.url} for c in ordered]
