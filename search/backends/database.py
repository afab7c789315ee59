"""Database backend: search.SearchDocument on Wagtail's database search (FTS5 / PostgreSQL)."""

import contextlib
import datetime as dt
import difflib
import threading
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count, F, Max, Q
from django.db.models.expressions import CombinedExpression
from django.utils import timezone
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText, SearchQuery

from search.analysis import SEGMENT_BREAK, analyse, fold, normalise, words
from search.backends.base import (
    CONJUNCTIVE_FACETS,
    MAX_RESULT_WINDOW,
    BackendDescription,
    Completion,
    Hit,
    IndexDescription,
    SearchBackend,
    SearchOutcome,
    SearchRequest,
    completions_stored,
    empty_facets,
    facet_order,
)
from search.batches import (
    DB_CANDIDATE_ROWS,
    DB_COMPLETION_ROWS,
    DB_ROWS_PER_UPDATE,
    DOCUMENTS_PER_WRITE,
)
from search.content import FACETS, KINDS, PAPER, keyword_values
from search.models import SearchDocument
from search.query import Clause, ParsedQuery
from search.ranking import DID_YOU_MEAN, FIELD_WEIGHTS, PHRASE_BOOST, SUPERSEDED_FACTOR
from workgroups.models import PaperStatus

WEIGHTED_FIELDS = sorted(
    (name for name in FIELD_WEIGHTS if name != "body"), key=FIELD_WEIGHTS.get, reverse=True
)
# The engine's own relevance (BM25 / ts_rank, scaled to 0..1) only breaks ties between
# documents that match the same words in the same fields.
RELEVANCE_WEIGHT = 0.5


class DatabaseIndex:
    """Writes SearchDocument rows and hands them to Wagtail's database index."""

    def __init__(self):
        self.wagtail = get_search_backend("default")

    @staticmethod
    def row(document: dict) -> SearchDocument:
        topical, groups = keyword_values(document)
        keywords = topical + groups
        title = normalise(document["title"])
        summary = normalise(document["subtitle"], document["summary"])
        lead = normalise(*document["lead"])
        keyword_terms = normalise(*keywords)
        passages = document.get("passages") or []
        # Each PDF page its own segment: a phrase never runs across a page break.
        body = normalise(document["body"], *(p["text"] for p in passages))
        weighted = f" {SEGMENT_BREAK} ".join(
            t.as_db() for t in (title, summary, lead, keyword_terms) if t.stream
        )
        return SearchDocument(
            page_id=document["page_id"],
            kind=document["kind"],
            status=document["status"],
            title=weighted,
            body=body.as_db(),
            # Whole words only: a compound part in a weighted field scores like the body.
            field_terms={
                "title": _stems(document["title"]),
                "summary": _stems(document["subtitle"], document["summary"]),
                "lead": _stems(*document["lead"]),
                "keywords": _stems(*topical),
            },
            texts={
                "title": document["title"],
                "summary": document["summary"],
                "body": document["body"],
                "passages": passages,
            },
            facets=document["facets"],
            published_on=document.get("published_on"),
            completions=completions_stored(document),
            completion_keys="\n".join(
                f" {key}" for c in document["completions"] for key in c["keys"]
            ),
            spell="\n".join(
                filter(
                    None, [document["title"], document["subtitle"], document["summary"], *keywords]
                )
            ),
            fingerprint=document["fingerprint"],
            indexed_at=timezone.now(),  # bulk_update skips auto_now
        )

    @transaction.atomic
    def write(self, documents: list[dict]) -> None:
        if not documents:
            return
        rows = [self.row(d) for d in documents]
        existing = dict(
            SearchDocument.objects.filter(page_id__in=[r.page_id for r in rows]).values_list(
                "page_id", "pk"
            )
        )
        for row in rows:
            row.pk = existing.get(row.page_id)
        SearchDocument.objects.bulk_create([r for r in rows if r.pk is None])
        updated = [r for r in rows if r.pk is not None]
        if updated:
            fields = [
                f.name
                for f in SearchDocument._meta.concrete_fields
                if f.name not in {"id", "page_id"}
            ]
            SearchDocument.objects.bulk_update(updated, fields, batch_size=DB_ROWS_PER_UPDATE)
        # bulk_create does not return primary keys on every database: reload the rows.
        fresh = list(SearchDocument.objects.filter(page_id__in=[r.page_id for r in rows]))
        index = self.wagtail.get_index_for_model(SearchDocument)
        # After every write Wagtail recomputes its title norms: the average title length over
        # the whole entry table (a full scan, which grows with the corpus), then an update of
        # the new rows. Our ranking (DatabaseQueryCompiler) never reads title_norm.
        index._refresh_title_norms = _title_norms_unused
        index.add_items(SearchDocument, fresh)

    @transaction.atomic
    def delete(self, page_ids: list[int]) -> None:
        rows = SearchDocument.objects.filter(page_id__in=page_ids)
        content_type = ContentType.objects.get_for_model(SearchDocument)
        object_ids = [str(pk) for pk in rows.values_list("pk", flat=True)]
        if object_ids:
            from wagtail.search.models import IndexEntry

            IndexEntry.objects.filter(content_type=content_type, object_id__in=object_ids).delete()
            rows.delete()


@contextlib.contextmanager
def _postgres_index_scans():
    """Within the block, PostgreSQL reads the full-text GIN indexes instead of scanning.

    For a word found in most papers the planner prefers a sequential scan, costing the
    merge of title and body vectors as nearly free; it is not: 530 ms against 9 ms through
    the index for 6,000 of 10,000 papers. The setting is transaction-local and restored.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
        )
        previous = cursor.fetchone()[0]
        try:
            yield
        finally:
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])


def _title_norms_unused(full: bool = False) -> None:
    """Stands in for Wagtail's title-norm refresh on the index of the search documents."""


class DatabaseQueryCompiler:
    """Turns a parsed query into Wagtail search query objects over the normalised terms."""

    def __init__(self, query: ParsedQuery, *, match_any: bool = False):
        self.query = query
        self.match_any = match_any

    @classmethod
    def clause(cls, clause: Clause) -> SearchQuery:
        variants = [cls.variant(v) for v in clause.variants]
        return variants[0] if len(variants) == 1 else Or(variants)

    @staticmethod
    def variant(clause: Clause) -> SearchQuery:
        if clause.is_phrase:
            return Phrase(" ".join(t.whole for t in clause.terms))
        term = clause.terms[0]
        whole = PlainText(term.whole)
        if term.parts_apart:
            return Or([whole, And([PlainText(p) for p in term.parts_apart])])
        return whole

    def compile(self) -> SearchQuery:
        parts = [self.clause(c) for c in self.query.positive]
        if self.match_any and len(parts) > 1:
            # Relaxed: any positive clause suffices.
            parts = [Or(parts)]
        parts += [Not(self.variant(v)) for v in self._excluded() if not v.is_phrase]
        return parts[0] if len(parts) == 1 else And(parts)

    def _excluded(self) -> list[Clause]:
        return [v for c in self.query.negative for v in c.variants]

    def excluded_phrases(self) -> list[SearchQuery]:
        """Excluded phrases, matched on their own and removed from the candidates.

        Wagtail's PostgreSQL compiler drops the negation of a phrase (Not(Phrase) becomes
        the phrase itself), so no excluded phrase goes into the compiled query.
        """
        return [self.variant(v) for v in self._excluded() if v.is_phrase]

    def phrase(self) -> SearchQuery | None:
        terms = self.query.phrase_terms
        if len(terms) < 2:
            return None
        return Phrase(" ".join(t.whole for t in terms))


class DatabaseMatcher:
    """Runs a Wagtail query against SearchDocument rows and returns them with their relevance.

    Wagtail's result classes score with one correlated subquery per row on SQLite; we need
    every match with its relevance (facets count all of them), so this asks the full-text
    index once, with Wagtail's own query building blocks.
    """

    def __init__(self, wagtail_backend):
        self.wagtail = wagtail_backend

    def rows(self, query: SearchQuery, queryset, fields: tuple[str, ...]) -> list[tuple]:
        """``fields`` of every matching row, followed by its relevance (higher is better)."""
        # Wagtail's per-vendor modules register vendor-only models at import time, so each
        # is imported only on its own database (the SQLite one fails on PostgreSQL).
        if connection.vendor == "sqlite":
            scores = self._sqlite_scores(query)
            rows = queryset.filter(pk__in=list(scores)).values_list(*fields)
            return [(*row, scores[row[0]]) for row in rows]
        if connection.vendor == "postgresql":
            with _postgres_index_scans():
                return list(self._postgres(query, queryset).values_list(*fields, "_score"))
        raise NotImplementedError(
            f"Die Datenbanksuche unterstützt {connection.vendor} nicht (nur SQLite mit FTS5 "
            "und PostgreSQL)."
        )

    def ids(self, query: SearchQuery, queryset) -> set[int]:
        if connection.vendor == "sqlite":
            return set(self._sqlite_scores(query))
        with _postgres_index_scans():
            return set(self._postgres(query, queryset).values_list("pk", flat=True))

    def _sqlite_scores(self, query) -> dict[int, float]:
        from wagtail.search.backends.database.sqlite.query import BM25, MatchExpression, normalize
        from wagtail.search.backends.database.sqlite.sqlite import (
            SQLiteFTSIndexEntry,
            SQLiteSearchQueryCompiler,
        )

        compiler = SQLiteSearchQueryCompiler(SearchDocument.objects.none(), query)
        built = compiler.build_search_query(normalize(query))
        content_type = ContentType.objects.get_for_model(SearchDocument)
        rows = (
            SQLiteFTSIndexEntry.objects.filter(MatchExpression(compiler.FTS_TABLE_FIELDS, built))
            .filter(index_entry__content_type_id=content_type.pk)
            .annotate(score=BM25())
            .values_list("index_entry__object_id", "score")
        )
        # FTS5's bm25() is negative, lower is better.
        return {int(pk): -score for pk, score in rows}

    def _postgres(self, query, queryset):
        from django.contrib.postgres.search import SearchRank, SearchVectorField
        from wagtail.search.backends.database.postgres.postgres import PostgresSearchQueryCompiler

        # Wagtail builds the tsquery (German configuration) and matches title || body like its
        # own search() does (a GIN index on that expression, see the migrations). The
        # relevance only breaks ties: ts_rank of each vector, added – ranking the concatenated
        # vector merges both per row and costs four times as much (190 against 44 ms for
        # 3,000 matches of 10,000 papers); Wagtail's own rank costs six ts_rank calls per row.
        compiler = PostgresSearchQueryCompiler(queryset, query)
        tsquery = compiler.build_tsquery(query, config=compiler.get_config(self.wagtail))
        if isinstance(query, Phrase):
            # A phrase lies within one field: each field's own GIN index answers it, and the
            # positions are checked in that field only (not in a merged vector per row).
            matching = queryset.filter(
                Q(index_entries__title=tsquery) | Q(index_entries__body=tsquery)
            )
            return matching.annotate(
                _score=SearchRank(F("index_entries__title"), tsquery)
                + SearchRank(F("index_entries__body"), tsquery)
            )
        vector = CombinedExpression(
            F("index_entries__title"),
            "||",
            F("index_entries__body"),
            output_field=SearchVectorField(),
        )
        return (
            queryset.annotate(_vector_=vector)
            .filter(_vector_=tsquery)
            .annotate(
                _score=SearchRank(F("index_entries__title"), tsquery)
                + SearchRank(F("index_entries__body"), tsquery)
            )
        )


class DatabaseBackend(SearchBackend):
    """The embedded default: the same contract served from the database."""

    name = "database"

    def __init__(self):
        self._index: DatabaseIndex | None = None

    @property
    def index(self) -> DatabaseIndex:
        if self._index is None:
            self._index = DatabaseIndex()
        return self._index

    def ping(self) -> bool:
        try:
            SearchDocument.objects.exists()
            return True
        except Exception:  # noqa: BLE001 - any failure means "not reachable"
            return False

    def setup(self) -> list[str]:
        return []  # the table comes with the migrations

    def documents_write(self, *, kind: str, documents: list[dict]) -> None:
        self.index.write(documents)

    def documents_delete(self, *, page_ids: Iterable[int]) -> None:
        self.index.delete(list(page_ids))

    def indexed_fingerprints(self, *, kind: str) -> dict[int, str]:
        return dict(SearchDocument.objects.filter(kind=kind).values_list("page_id", "fingerprint"))

    def rebuild(self, *, kind, documents, progress) -> dict:
        # One transaction: readers see the old rows until the new ones are committed.
        done = 0
        with transaction.atomic():
            seen: set[int] = set()
            batch: list[dict] = []
            for document in documents:
                batch.append(document)
                seen.add(document["page_id"])
                if len(batch) >= DOCUMENTS_PER_WRITE:
                    self.index.write(batch)
                    progress(len(batch))
                    done += len(batch)
                    batch = []
            self.index.write(batch)
            progress(len(batch))
            done += len(batch)
            stale = SearchDocument.objects.filter(kind=kind).exclude(page_id__in=seen)
            self.index.delete(list(stale.values_list("page_id", flat=True)))
        return {"index": SearchDocument._meta.db_table, "documents": done, "dropped": []}

    def _candidates(self, request: SearchRequest):
        """Every matching paper (facets count all of them), its relevance and phrase hits."""
        base = SearchDocument.objects.filter(kind=PAPER).exclude(status=PaperStatus.WITHDRAWN)
        query = request.query
        if query.is_empty:
            return CANDIDATE_DETAILS.candidates(base.values_list(*ROW_FIELDS)), None, set()
        compiler = DatabaseQueryCompiler(query, match_any=request.match_any)
        matcher = DatabaseMatcher(self.index.wagtail)
        rows = matcher.rows(compiler.compile(), base, ROW_FIELDS)
        excluded = set().union(*(matcher.ids(p, base) for p in compiler.excluded_phrases()))
        if excluded:
            rows = [row for row in rows if row[0] not in excluded]
        relevance = {row[0]: row[-1] for row in rows}
        phrase_query = compiler.phrase()
        phrased = matcher.ids(phrase_query, base) if phrase_query else set()
        return CANDIDATE_DETAILS.candidates(row[:-1] for row in rows), relevance, phrased

    def _clause_matches(self, request: SearchRequest) -> list[set[int]] | None:
        """Relaxed searches: per positive clause, the rows it matches (None: all must match).

        A relaxed search is rare (only after a search found nothing): one query per clause
        is the price of ranking papers that match more of the words first.
        """
        if not request.match_any:
            return None
        base = SearchDocument.objects.filter(kind=PAPER)
        matcher = DatabaseMatcher(self.index.wagtail)
        return [matcher.ids(DatabaseQueryCompiler.clause(c), base) for c in request.query.positive]

    def search(self, request: SearchRequest) -> SearchOutcome:
        query = request.query
        if query.matches_nothing or request.offset >= MAX_RESULT_WINDOW:
            return SearchOutcome(0, [], empty_facets(), {}, self.name)
        candidates, relevance, phrased = self._candidates(request)
        matched = self._clause_matches(request)
        if request.hidden_ids:
            # The index lags behind the database: what is no longer public is not counted.
            candidates = [c for c in candidates if c.page_id not in request.hidden_ids]

        # One pass over the candidates: which filters each one fails decides where it counts.
        selected: list[Candidate] = []
        per_facet: dict[str, list] = {facet: [] for facet in FACETS}
        for candidate in candidates:
            failing = candidate.failing(request.filters)
            if not failing:
                selected.append(candidate)
            for facet in FACETS:
                if not failing or (failing == [facet] and facet not in CONJUNCTIVE_FACETS):
                    per_facet[facet].append(candidate.facets.get(facet, ()))
        facets = {
            facet: facet_order(facet, Counter(chain.from_iterable(values)))
            for facet, values in per_facet.items()
        }

        if relevance is None:
            scores: dict[int, float | None] = dict.fromkeys((c.pk for c in selected), None)
            ranked = sorted(selected, key=lambda c: c.recency, reverse=True)
        else:
            top = max(relevance.values(), default=0.0) or 1.0
            scores = {
                c.pk: self._score(c, query, relevance[c.pk] / top, phrased, matched)
                for c in selected
            }
            ranked = sorted(selected, key=lambda c: (scores[c.pk], *c.recency), reverse=True)
        window = ranked[request.offset : request.offset + request.limit]
        texts = dict(
            SearchDocument.objects.filter(pk__in=[c.pk for c in window]).values_list("pk", "texts")
        )
        hits = [
            Hit(
                page_id=c.page_id,
                score=round(scores[c.pk], 4) if scores[c.pk] is not None else None,
                texts=texts.get(c.pk, {}),
            )
            for c in window
        ]
        corrections = self._corrections(query) if not selected and not query.is_empty else {}
        return SearchOutcome(len(selected), hits, facets, corrections, self.name)

    @staticmethod
    def _score(
        candidate: "Candidate",
        query: ParsedQuery,
        relevance: float,
        phrased,
        matched: list[set[int]] | None = None,
    ) -> float:
        """Field weight of the best field per query word, phrase bonus, status factor.

        The same weights as the Elasticsearch boosts (search/ranking.py); the engine's own
        rank (0..1 here) only separates documents that match in the same fields.
        """
        terms = candidate.field_terms
        score = 0.0
        for index, clause in enumerate(query.positive):
            if matched is not None and candidate.pk not in matched[index]:
                continue  # relaxed: this word is not in the paper at all
            best = FIELD_WEIGHTS["body"]
            for name in WEIGHTED_FIELDS:  # heaviest first
                if _clause_in(clause, terms[name]):
                    best = FIELD_WEIGHTS[name]
                    break
            score += best
        if candidate.pk in phrased:
            score += PHRASE_BOOST
        score += RELEVANCE_WEIGHT * relevance
        if candidate.status == PaperStatus.SUPERSEDED:
            score *= SUPERSEDED_FACTOR
        return score

    _vocabulary_lock = threading.Lock()
    _vocabulary: tuple[tuple, frozenset[str], dict[str, list[str]]] | None = None

    def vocabulary(self) -> tuple[frozenset[str], dict[str, list[str]]]:
        """Lower-cased words of the papers' titles, summaries and keywords (cached per version)."""
        papers = SearchDocument.objects.filter(kind=PAPER)
        version = tuple(papers.aggregate(n=Count("pk"), last=Max("indexed_at")).values())
        cached = DatabaseBackend._vocabulary
        if cached and cached[0] == version:
            return cached[1], cached[2]
        vocabulary = frozenset(
            m.group().lower()
            for text in papers.values_list("spell", flat=True)
            for m in words(text)
        )
        by_prefix: dict[str, list[str]] = {}
        for word in vocabulary:
            by_prefix.setdefault(word[: DID_YOU_MEAN.prefix_length], []).append(word)
        with DatabaseBackend._vocabulary_lock:
            DatabaseBackend._vocabulary = (version, vocabulary, by_prefix)
        return vocabulary, by_prefix

    def _corrections(self, query: ParsedQuery) -> dict[str, str]:
        vocabulary, by_prefix = self.vocabulary()
        corrections = {}
        for word in query.surface_words():
            lower = word.lower()
            if len(lower) < DID_YOU_MEAN.min_word_length or lower in vocabulary:
                continue
            candidates = [
                w
                for w in by_prefix.get(lower[: DID_YOU_MEAN.prefix_length], [])
                if abs(len(w) - len(lower)) <= DID_YOU_MEAN.max_edits
            ]
            close = difflib.get_close_matches(
                lower, candidates, n=1, cutoff=DID_YOU_MEAN.min_similarity
            )
            if close:
                corrections[lower] = close[0]
        return corrections

    def complete(self, *, prefix: str, limit: int) -> list[Completion]:
        folded = " ".join(fold(w) for w in prefix.split())
        if not folded:
            return []
        rows = (
            SearchDocument.objects.exclude(status=PaperStatus.WITHDRAWN)
            .filter(completion_keys__contains=f" {folded}")
            .order_by("-published_on", "-page_id")
            .values_list("completions", flat=True)[:DB_COMPLETION_ROWS]
        )
        found = []
        for completions in rows:
            for stored in completions:
                completion = Completion.from_stored(stored)
                if completion.matches(folded):
                    found.append(completion)
        return found

    def describe(self) -> BackendDescription:
        counts = dict(
            SearchDocument.objects.values_list("kind")
            .annotate(n=Count("pk"))
            .values_list("kind", "n")
        )
        table = SearchDocument._meta.db_table
        return BackendDescription(
            backend=self.name,
            reachable=self.ping(),
            engine=type(self.index.wagtail).__name__,
            indices={
                kind: IndexDescription(location=table, documents=counts.get(kind, 0))
                for kind in KINDS
            },
        )


class Candidate(NamedTuple):
    """A matching paper as the database backend ranks and counts it."""

    pk: int
    page_id: int
    status: str
    published_on: dt.date | None
    facets: dict
    # Per weighted field its whole-word stems as " a b c ": membership of " term " is a
    # substring test, no set per candidate.
    field_terms: dict[str, str]

    def failing(self, filters: dict[str, tuple[str, ...]]) -> list[str]:
        """The names of the filters this paper does not pass."""
        return [
            name
            for name, values in filters.items()
            if not all(value in self.facets.get(name, ()) for value in values)
        ]

    @property
    def recency(self) -> tuple:
        # Newest first; papers without a date last.
        return (self.published_on is not None, self.published_on or dt.date.min, self.page_id)


# What the full-text query returns per matching row; the rest comes from CandidateDetails.
ROW_FIELDS = ("pk", "page_id", "status", "published_on", "indexed_at")


class CandidateDetails:
    """Facets and field terms of index rows, decoded once per process and row version.

    A broad word matches thousands of papers, and every one is counted and scored: reading
    and decoding their two JSON columns on each search cost as much as the search itself.
    Each row is kept with its ``indexed_at`` (set on every write), so a rewritten row is
    read afresh; at most ``max_rows`` are kept (then the store starts over).
    """

    def __init__(self, max_rows: int):
        self.max_rows = max_rows
        self._rows: dict[int, tuple[dt.datetime, dict, dict[str, str]]] = {}
        self._lock = threading.Lock()

    def candidates(self, rows: Iterable[tuple]) -> list[Candidate]:
        """Candidates for (pk, page_id, status, published_on, indexed_at) rows."""
        rows = list(rows)
        known = self._rows
        missing = {
            row[0] for row in rows if (kept := known.get(row[0])) is None or kept[0] != row[4]
        }
        fresh = self._read(missing) if missing else {}
        candidates = []
        for pk, page_id, status, published_on, _indexed_at in rows:
            details = fresh.get(pk) if pk in missing else known[pk]
            if details is None:
                continue  # removed from the index since the full-text query
            _stamp, facets, terms = details
            candidates.append(Candidate(pk, page_id, status, published_on, facets, terms))
        return candidates

    def _read(self, pks: set[int]) -> dict[int, tuple]:
        rows = SearchDocument.objects.filter(pk__in=pks).values_list(
            "pk", "indexed_at", "facets", "field_terms"
        )
        fresh = {
            pk: (stamp, facets, {name: f" {terms.get(name, '')} " for name in WEIGHTED_FIELDS})
            for pk, stamp, facets, terms in rows
        }
        with self._lock:
            if len(self._rows) + len(fresh) > self.max_rows:
                self._rows = {}
            if len(fresh) <= self.max_rows:
                self._rows.update(fresh)
        return fresh

    def clear(self) -> None:
        with self._lock:
            self._rows = {}


CANDIDATE_DETAILS = CandidateDetails(max_rows=DB_CANDIDATE_ROWS)


def _stems(*texts: str) -> str:
    """The distinct whole-word stems of texts, sorted, as one string (no compound parts)."""
    return " ".join(sorted({t.whole for text in texts if text for t in analyse(text)}))


def _clause_in(clause: Clause, terms: str) -> bool:
    """Whether a clause (or one of its alternatives) occurs in a term string (" a b c ")."""
    return any(_variant_in(variant, terms) for variant in clause.variants)


def _variant_in(clause: Clause, terms: str) -> bool:
    if clause.is_phrase:
        return all(f" {t.whole} " in terms for t in clause.terms)
    term = clause.terms[0]
    return f" {term.whole} " in terms or bool(
        term.parts_apart and all(f" {p} " in terms for p in term.parts_apart)
    )
