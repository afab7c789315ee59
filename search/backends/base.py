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
    # Relaxed: a paper matching any positive clause counts (the zero-result fallback).
    match_any: bool = False

    def filters_for_facet(self, facet: str) -> dict[str, tuple[str, ...]]:
        """The active filters that apply to a facet's own counts."""
        if facet in CONJUNCTIVE_FACETS:
            return dict(self.filters)
        return {name: values for name, values in self.filters.items() if name != facet}


@dataclass
class Hit:
    page_id: int
    score: float | None
    # title, summary, body (text) and passages (list of {"page", "text"} from attached PDFs).
    texts: dict


@dataclass
class SearchOutcome:
    count: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    # The user's words that are unknown to the index, with the closest known word.
    corrections: dict[str, str]
    backend: str


# What a backend stores of each completion of a document (search/content.py builds them).
COMPLETION_FIELDS = ("page_id", "text", "kind", "url", "weight", "keys")


@dataclass(frozen=True)
class Completion:
    """A search-as-you-type suggestion as a backend stored it (public check still to come)."""

    page_id: int
    text: str
    kind: str
    url: str | None
    weight: int
    # Folded lookup keys (word suffixes of the text); the first is the whole text.
    keys: tuple[str, ...]

    @classmethod
    def from_stored(cls, stored: dict) -> "Completion":
        values = {name: stored[name] for name in COMPLETION_FIELDS}
        return cls(**{**values, "keys": tuple(values["keys"])})

    def matches(self, folded_prefix: str) -> bool:
        return any(key.startswith(folded_prefix) for key in self.keys)


def completions_stored(document: dict) -> list[dict]:
    """The completions of an engine-neutral document as a backend stores them."""
    return [{name: c[name] for name in COMPLETION_FIELDS} for c in document["completions"]]


@dataclass(frozen=True)
class IndexDescription:
    """What a backend holds for one kind of page."""

    # Where reads go: the alias (Elasticsearch) or the table (database).
    location: str
    # None while the index does not exist.
    documents: int | None
    # Elasticsearch: the physical indices behind the alias.
    physical: tuple[str, ...] = ()
    # Elasticsearch: built with today's mapping and chain (None: no index).
    schema_current: bool | None = None


@dataclass(frozen=True)
class BackendDescription:
    """Facts about one backend for `search_index status`."""

    backend: str
    reachable: bool
    # The database backend: Wagtail's engine class; Elasticsearch: the URL without password.
    engine: str = ""
    url: str = ""
    # Elasticsearch: the analysis chain (core or full); unknown while unreachable.
    chain: str | None = None
    indices: dict[str, IndexDescription] = field(default_factory=dict)


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

    def kinds_outdated(self) -> list[str]:
        """Kinds whose index was built with another mapping than today's (rebuild them)."""
        return []

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
    def complete(self, *, prefix: str, limit: int) -> list[Completion]:
        """Completions whose keys start with the prefix (ranked by search/services.py)."""

    @abstractmethod
    def describe(self) -> BackendDescription:
        """Facts for `search_index status`."""

    def is_retryable(self, exc: Exception) -> bool:
        """Whether a later attempt can succeed where this one raised ``exc`` (outage, lock)."""
        return isinstance(exc, SearchUnavailable | OperationalError)
