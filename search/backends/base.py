"""The one small interface every search backend implements, and what it returns."""

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import OperationalError

from search.content import FACETS
from search.query import ParsedQuery

FACET_SIZES = {
    "working_group": 100,
    "paper_type": 10,
    "tag": 50,
    "addressee": 50,
    "level": 10,
    "regulatory_project": 50,
    "year": 50,
}
# Facets where several values may be selected and all must match (drill-down): their own
# counts keep their own filter. The others are single-choice: their counts ignore their own
# filter so the other choices stay visible.
CONJUNCTIVE_FACETS = frozenset({"tag"})
MAX_RESULT_WINDOW = 10_000


class SearchUnavailable(Exception):
    """The backend cannot answer right now (e.g. Elasticsearch unreachable)."""


@dataclass(frozen=True)
class SearchRequest:
    query: ParsedQuery
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    offset: int = 0
    limit: int = 20
    # Papers the index may still hold although they are no longer public (the index lags
    # behind the database): never counted, faceted or found.
    hidden_ids: frozenset[int] = frozenset()

    def filters_for_facet(self, facet: str) -> dict[str, tuple[str, ...]]:
        """The active filters that apply to a facet's own counts."""
        if facet in CONJUNCTIVE_FACETS:
            return dict(self.filters)
        return {name: values for name, values in self.filters.items() if name != facet}


@dataclass
class Hit:
    page_id: int
    score: float | None
    texts: dict[str, str]


@dataclass
class SearchOutcome:
    count: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    # The user's words that are unknown to the index, with the closest known word.
    corrections: dict[str, str]
    backend: str


def facet_order(facet: str, counts: dict[str, int]) -> list[tuple[str, int]]:
    """Facet values as both backends return them: years newest first, others by count."""
    if facet == "year":
        ordered = sorted(counts.items(), key=lambda item: item[0], reverse=True)
    else:
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ordered[: FACET_SIZES[facet]]


def empty_facets() -> dict[str, list[tuple[str, int]]]:
    return {facet: [] for facet in FACETS}


class SearchBackend(ABC):
    """A public search index: written by search/indexing.py, read by search/services.py."""

    name: str

    @abstractmethod
    def ping(self) -> bool:
        """True if the backend answers."""

    @abstractmethod
    def setup(self) -> list[str]:
        """Make sure the index exists (idempotent); return what was created."""

    @abstractmethod
    def documents_write(self, *, kind: str, documents: list[dict]) -> None:
        """Insert or replace documents (engine-neutral dicts from search/content.py)."""

    @abstractmethod
    def documents_delete(self, *, page_ids: Iterable[int]) -> None:
        """Remove documents; ids that are not indexed are ignored."""

    def refresh(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Make every write so far searchable now (a no-op where writes are immediate)."""

    @abstractmethod
    def indexed_fingerprints(self, *, kind: str) -> dict[int, str]:
        """page id → fingerprint of every indexed document of a kind."""

    @abstractmethod
    def rebuild(
        self, *, kind: str, documents: Iterable[dict], progress: Callable[[int], None]
    ) -> dict:
        """Replace the whole index of a kind with these documents (zero downtime)."""

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchOutcome:
        """Papers matching a request, with facets and did-you-mean corrections."""

    @abstractmethod
    def complete(self, *, prefix: str, limit: int) -> list[dict]:
        """Completions for search-as-you-type: dicts with text, kind, url, weight."""

    @abstractmethod
    def describe(self) -> dict:
        """Facts for `search_index status` and /readyz."""

    def is_retryable(self, exc: Exception) -> bool:
        """Whether a later attempt can succeed where this one raised ``exc`` (outage, lock)."""
        return isinstance(exc, SearchUnavailable | OperationalError)
