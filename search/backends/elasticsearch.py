"""Elasticsearch backend: versioned indices behind aliases, structured German queries."""

import logging
import queue
import threading
from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils import timezone
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.helpers import BulkIndexError, scan, streaming_bulk

from search.analysis import fold
from search.analysis.chains import CHAINS, CORE_CHAIN, FULL_CHAIN
from search.backends.base import (
    FACET_SIZES,
    MAX_RESULT_WINDOW,
    BackendDescription,
    Completion,
    Hit,
    IndexDescription,
    SearchBackend,
    SearchOutcome,
    SearchRequest,
    SearchUnavailable,
    empty_facets,
    facet_order,
)
from search.batches import ES_ACTIONS_PER_BULK, ES_HITS_PER_SCROLL
from search.content import EVENT, FACETS, KINDS, PAPER, WORKING_GROUP
from search.documents import DOCUMENTS, alias_name, index_body, schema_fingerprint
from search.query import Clause, ParsedQuery
from search.ranking import (
    COMPOUND_PART_WEIGHT,
    DID_YOU_MEAN,
    FIELD_WEIGHTS,
    GROUP_WEIGHT,
    PDF_WEIGHT,
    PHRASE_BOOST,
    PROXIMITY_BOOST,
    PROXIMITY_SLOP,
    SUPERSEDED_FACTOR,
)
from workgroups.models import PaperStatus

logger = logging.getLogger(__name__)
# The end of the actions handed to the bulk thread of a rebuild.
_END = object()

# Errors that mean "Elasticsearch is not reachable or overloaded right now": retry later.
UNAVAILABLE_ERRORS = (TransportConnectionError, ConnectionTimeout, TransportError)
RETRYABLE_STATUS = {429, 502, 503, 504}

# Whole words (phrases run over these); a word query also looks at the weighted fields'
# compound parts, which count like the body (search/documents.py).
PHRASE_FIELDS = [f"{name}_norm^{weight:g}" for name, weight in FIELD_WEIGHTS.items()] + [
    f"groups_norm^{GROUP_WEIGHT:g}",
    f"pdf_norm^{PDF_WEIGHT:g}",
]
NORM_FIELDS = [*PHRASE_FIELDS, f"parts_norm^{COMPOUND_PART_WEIGHT:g}"]
RAW_FIELDS = [f"{name}^{weight:g}" for name, weight in FIELD_WEIGHTS.items()] + [
    f"subtitle^{FIELD_WEIGHTS['summary']:g}",
    f"pdf^{PDF_WEIGHT:g}",
]
# The raw fields (node's German chain) add recall; the normalised fields carry the
# guaranteed behaviour, so the raw path counts half.
RAW_BOOST = 0.5
HIGHLIGHT_SOURCE = ["page_id", "title", "summary", "body", "passages"]

_clients: dict[tuple[str, float], Elasticsearch] = {}
_chains: dict[str, str] = {}
_lock = threading.Lock()


def client_for(url: str, *, timeout: float) -> Elasticsearch:
    """One client per URL and timeout per process (clients pool their connections)."""
    key = (url, float(timeout))
    with _lock:
        if key not in _clients:
            _clients[key] = Elasticsearch(
                url, request_timeout=timeout, max_retries=0, retry_on_timeout=False
            )
        return _clients[key]


def is_unavailable(exc: Exception) -> bool:
    """True for errors a later retry can fix (no connection, timeout, overload)."""
    if isinstance(exc, ApiError):
        return exc.meta.status in RETRYABLE_STATUS
    if isinstance(exc, BulkIndexError):
        statuses = {item.get(next(iter(item)), {}).get("status") for item in exc.errors if item}
        return bool(statuses) and statuses <= RETRYABLE_STATUS
    return isinstance(exc, UNAVAILABLE_ERRORS)


class ElasticsearchIndex:
    """Index management for one kind: physical ``<alias>-<timestamp>`` indices behind an alias."""

    def __init__(self, backend: "ElasticsearchBackend", kind: str):
        self.backend = backend
        self.kind = kind
        self.alias = alias_name(kind)

    @property
    def client(self) -> Elasticsearch:
        return self.backend.indexing_client

    def physical_indices(self) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            return []

    def create(self) -> str:
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        self.client.indices.create(index=name, **index_body(self.kind, self.backend.chain()))
        return name

    def ensure(self) -> str | None:
        """Create index and alias if the alias is missing (idempotent); the new name or None."""
        if self.physical_indices():
            return None
        name = self.create()
        try:
            self.client.indices.update_aliases(
                actions=[{"add": {"index": name, "alias": self.alias, "is_write_index": True}}]
            )
        except ApiError:
            # Someone else created the alias meanwhile: keep theirs.
            self.client.indices.delete(index=name, ignore_unavailable=True)
            if not self.physical_indices():
                raise
            return None
        return name

    def swap(self, new: str) -> list[str]:
        """Point the alias at ``new`` in one atomic step, then drop the old indices."""
        old = [name for name in self.physical_indices() if name != new]
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        actions.append({"add": {"index": new, "alias": self.alias, "is_write_index": True}})
        self.client.indices.update_aliases(actions=actions)
        if old:
            self.client.indices.delete(index=",".join(old), ignore_unavailable=True)
        return old

    def schema_current(self) -> bool | None:
        """Whether the live index was built with today's mapping and chain (None: no index)."""
        names = self.physical_indices()
        if not names:
            return None
        mapping = self.client.indices.get_mapping(index=names[0]).body
        meta = next(iter(mapping.values()))["mappings"].get("_meta", {})
        return meta.get("schema") == schema_fingerprint(self.kind, self.backend.chain())

    def actions(self, documents: Iterable[dict], index: str):
        for document in documents:
            doc = DOCUMENTS[self.kind].from_content(document)
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": document["page_id"],
                "_source": doc.to_dict(skip_empty=False),
            }

    def write(self, documents: list[dict]) -> None:
        if not documents:
            return
        try:
            self._bulk(self.actions(documents, self.alias), require_alias=True)
        except BulkIndexError as exc:
            # Writes go through the alias only; if it is missing (fresh node, or someone
            # deleted it), set the index up and write once more.
            if not any("alias" in str(item).lower() for item in exc.errors):
                raise
            self.ensure()
            self._bulk(self.actions(documents, self.alias), require_alias=True)

    def delete(self, page_ids: list[int]) -> None:
        if not page_ids or not self.physical_indices():
            return
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in page_ids)
        for ok, item in streaming_bulk(
            self.client,
            actions,
            raise_on_error=False,
            refresh=settings.SEARCH_ES_REFRESH,
        ):
            if not ok and item.get("delete", {}).get("status") != 404:
                raise BulkIndexError("delete failed", [item])

    def _bulk(self, actions, *, index_refresh: bool | None = None, **kwargs) -> int:
        done = 0
        refresh = settings.SEARCH_ES_REFRESH if index_refresh is None else index_refresh
        for _ok, _item in streaming_bulk(
            self.client,
            actions,
            chunk_size=ES_ACTIONS_PER_BULK,
            refresh=refresh,
            max_retries=3,
            **kwargs,
        ):
            done += 1
        return done

    def _bulk_behind(self, actions: Iterable[dict], progress: Callable[[int], None]) -> int:
        """Send ``actions`` from a second thread while this one builds the next ones.

        Building documents (database, text analysis) and indexing them (the node) take
        about as long as each other; one after the other, each waited for the other. The
        database is read in this thread only, so the rebuild sees what its caller sees.
        """
        handoff: queue.Queue = queue.Queue(maxsize=2 * ES_ACTIONS_PER_BULK)
        failed = threading.Event()
        outcome: dict = {}

        def queued():
            while (action := handoff.get()) is not _END:
                yield action

        def send() -> None:
            try:
                # A new index is refreshed once at the end, not per bulk request.
                outcome["done"] = self._bulk(queued(), index_refresh=False)
            except BaseException as exc:  # handed to the building thread below
                outcome["error"] = exc
                failed.set()
                while handoff.get() is not _END:  # let the builder finish its put()
                    pass

        sender = threading.Thread(target=send, name="es-rebuild-bulk", daemon=True)
        sender.start()
        try:
            for action in actions:
                if failed.is_set():
                    break
                handoff.put(action)
                progress(1)
        finally:
            handoff.put(_END)
            sender.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["done"]

    def fingerprints(self) -> dict[int, str]:
        if not self.physical_indices():
            return {}
        return {
            int(hit["_id"]): hit["_source"].get("fingerprint", "")
            for hit in scan(
                self.client,
                index=self.alias,
                query={"query": {"match_all": {}}, "_source": ["fingerprint"]},
                size=ES_HITS_PER_SCROLL,
            )
        }

    def count(self) -> int | None:
        if not self.physical_indices():
            return None
        return self.client.count(index=self.alias)["count"]

    def rebuild(self, documents: Iterable[dict], progress: Callable[[int], None]) -> dict:
        """Stream every document into a new index, swap the alias atomically, drop the old."""
        new = self.create()
        try:
            self.client.indices.put_settings(
                index=new, settings={"index": {"refresh_interval": "-1"}}
            )
            done = self._bulk_behind(self.actions(documents, new), progress)
            self.client.indices.put_settings(
                index=new, settings={"index": {"refresh_interval": None}}
            )
            self.client.indices.refresh(index=new)
        except Exception:
            self.client.indices.delete(index=new, ignore_unavailable=True)
            raise
        dropped = self.swap(new)
        return {"index": new, "documents": done, "dropped": dropped}


class ElasticsearchQueryCompiler:
    """Builds the search request body from a parsed query (structured queries only)."""

    def __init__(self, request: SearchRequest):
        self.request = request
        self.query: ParsedQuery = request.query

    @classmethod
    def clause(cls, clause: Clause) -> dict:
        should = [query for variant in clause.variants for query in cls.variant(variant)]
        return {"bool": {"should": should, "minimum_should_match": 1}}

    @staticmethod
    def variant(clause: Clause) -> list[dict]:
        """The queries of which one must match for one way of saying a clause."""
        if clause.is_phrase:
            return [
                {
                    "multi_match": {
                        "query": " ".join(t.whole for t in clause.terms),
                        "type": "phrase",
                        "fields": PHRASE_FIELDS,
                    }
                },
                {
                    "multi_match": {
                        "query": clause.text,
                        "type": "phrase",
                        "fields": RAW_FIELDS,
                        "boost": RAW_BOOST,
                    }
                },
            ]
        term = clause.terms[0]
        should = [
            {"multi_match": {"query": term.whole, "fields": NORM_FIELDS}},
            {"multi_match": {"query": term.word, "fields": RAW_FIELDS, "boost": RAW_BOOST}},
        ]
        if term.parts_apart:
            # "Fachkräftegewinnung" also finds "Gewinnung von Fachkräften".
            should.append(
                {
                    "bool": {
                        "must": [
                            {"multi_match": {"query": part, "fields": NORM_FIELDS}}
                            for part in term.parts_apart
                        ],
                        "boost": 0.5,
                    }
                }
            )
        return should

    def text_query(self) -> dict:
        if self.query.is_empty:
            return {"match_all": {}}
        positive = [self.clause(c) for c in self.query.positive]
        must_not = [self.clause(c) for c in self.query.negative]
        # Relaxed: any positive clause suffices, papers matching more of them rank first.
        must, should = ([], list(positive)) if self.request.match_any else (positive, [])
        terms = self.query.phrase_terms
        if len(terms) >= 2:
            phrase = " ".join(t.whole for t in terms)
            should += [
                {
                    "multi_match": {
                        "query": phrase,
                        "type": "phrase",
                        "fields": PHRASE_FIELDS,
                        "boost": PHRASE_BOOST,
                    }
                },
                # The words close together (a heading with a word inserted) count too.
                {
                    "multi_match": {
                        "query": phrase,
                        "type": "phrase",
                        "slop": PROXIMITY_SLOP,
                        "fields": PHRASE_FIELDS,
                        "boost": PROXIMITY_BOOST,
                    }
                },
            ]
        query = {"bool": {"must": must, "must_not": must_not, "should": should}}
        if self.request.match_any:
            query["bool"]["minimum_should_match"] = 1
        return query

    def hidden(self) -> list[dict]:
        """Never found: withdrawn papers, and papers that are no longer public (index lag)."""
        hidden = [{"term": {"status": PaperStatus.WITHDRAWN}}]
        if self.request.hidden_ids:
            hidden.append({"ids": {"values": [str(pk) for pk in sorted(self.request.hidden_ids)]}})
        return hidden

    @staticmethod
    def facet_filters(filters: dict[str, tuple[str, ...]]) -> list[dict]:
        return [{"term": {facet: value}} for facet, values in filters.items() for value in values]

    def body(self) -> dict:
        request = self.request
        query = {
            "function_score": {
                "query": {
                    "bool": {
                        "must": [self.text_query()],
                        "filter": [{"bool": {"must_not": self.hidden()}}],
                    }
                },
                "functions": [
                    {
                        "filter": {"term": {"status": PaperStatus.SUPERSEDED}},
                        "weight": SUPERSEDED_FACTOR,
                    }
                ],
                "score_mode": "multiply",
                "boost_mode": "multiply",
            }
        }
        aggs = {}
        for facet in FACETS:
            filters = self.facet_filters(request.filters_for_facet(facet))
            order = [{"_key": "desc"}] if facet == "year" else [{"_count": "desc"}, {"_key": "asc"}]
            aggs[facet] = {
                "filter": {"bool": {"filter": filters}} if filters else {"match_all": {}},
                "aggs": {
                    "values": {
                        "terms": {"field": facet, "size": FACET_SIZES[facet], "order": order}
                    }
                },
            }
        body = {
            "query": query,
            "post_filter": {"bool": {"filter": self.facet_filters(request.filters)}},
            "aggs": aggs,
            "from": request.offset,
            "size": request.limit,
            "track_total_hits": True,
            "_source": HIGHLIGHT_SOURCE,
        }
        if self.query.is_empty:
            body["sort"] = [{"published_on": "desc"}, {"page_id": "desc"}]
        else:
            body["sort"] = ["_score", {"published_on": "desc"}, {"page_id": "desc"}]
            words = self.query.surface_words()
            if words:
                body["suggest"] = {
                    "text": " ".join(words),
                    "spelling": {
                        "term": {
                            "field": "spell",
                            "suggest_mode": "missing",
                            "min_word_length": DID_YOU_MEAN.min_word_length,
                            "prefix_length": DID_YOU_MEAN.prefix_length,
                            "max_edits": DID_YOU_MEAN.max_edits,
                            "size": 1,
                            "sort": "score",
                        }
                    },
                }
        return body


class ElasticsearchResults:
    """Reads an Elasticsearch response into the backend-neutral outcome."""

    def __init__(self, response: dict, *, with_score: bool):
        self.response = response
        self.with_score = with_score

    def outcome(self) -> SearchOutcome:
        hits = [
            Hit(
                page_id=int(hit["_id"]),
                score=round(hit["_score"], 4)
                if self.with_score and hit.get("_score") is not None
                else None,
                texts={
                    **{k: hit["_source"].get(k) or "" for k in ("title", "summary", "body")},
                    "passages": hit["_source"].get("passages") or [],
                },
            )
            for hit in self.response["hits"]["hits"]
        ]
        facets = empty_facets()
        for facet in FACETS:
            buckets = self.response["aggregations"][facet]["values"]["buckets"]
            facets[facet] = facet_order(facet, {str(b["key"]): b["doc_count"] for b in buckets})
        corrections = {}
        for entry in self.response.get("suggest", {}).get("spelling", []):
            if entry["options"]:
                corrections[entry["text"]] = entry["options"][0]["text"]
        return SearchOutcome(
            count=self.response["hits"]["total"]["value"],
            hits=hits,
            facets=facets,
            corrections=corrections,
            backend=ElasticsearchBackend.name,
        )


class ElasticsearchBackend(SearchBackend):
    """Public search on Elasticsearch 8 (one alias per kind)."""

    name = "elasticsearch"

    def __init__(self, url: str):
        self.url = url

    @property
    def client(self) -> Elasticsearch:
        """For searches from web requests: short timeout, no retries."""
        return client_for(self.url, timeout=settings.SEARCH_ES_TIMEOUT)

    @property
    def indexing_client(self) -> Elasticsearch:
        return client_for(self.url, timeout=settings.SEARCH_ES_INDEXING_TIMEOUT)

    def index(self, kind: str) -> ElasticsearchIndex:
        return ElasticsearchIndex(self, kind)

    def chain(self) -> str:
        """The analysis chain for this cluster: setting, else detected from the node modules."""
        configured = settings.SEARCH_ES_ANALYSIS_CHAIN
        if configured in CHAINS:
            return configured
        if self.url not in _chains:
            nodes = self.indexing_client.nodes.info(metric="plugins").body["nodes"].values()
            have_common = all(
                any(m["name"] == "analysis-common" for m in node.get("modules", []))
                for node in nodes
            )
            _chains[self.url] = FULL_CHAIN if nodes and have_common else CORE_CHAIN
        return _chains[self.url]

    def ping(self) -> bool:
        # Cluster health, not ping(): nodes without the rest-root module (the integ-test
        # distribution) have no "/" endpoint.
        try:
            health = self.client.cluster.health(timeout="1s").body
        except Exception:  # noqa: BLE001 - any failure means "not reachable"
            return False
        return health.get("status") in {"green", "yellow"}

    def setup(self) -> list[str]:
        return [name for kind in KINDS if (name := self.index(kind).ensure())]

    def kinds_outdated(self) -> list[str]:
        return [kind for kind in KINDS if self.index(kind).schema_current() is False]

    def documents_write(self, *, kind: str, documents: list[dict]) -> None:
        self.index(kind).write(documents)

    def documents_delete(self, *, page_ids: Iterable[int]) -> None:
        ids = list(page_ids)
        for kind in KINDS:
            self.index(kind).delete(ids)

    def refresh(self) -> None:
        # One refresh after a task's writes instead of waiting for the refresh interval.
        self.indexing_client.indices.refresh(
            index=",".join(alias_name(kind) for kind in KINDS),
            ignore_unavailable=True,
            allow_no_indices=True,
        )

    def indexed_fingerprints(self, *, kind: str) -> dict[int, str]:
        return self.index(kind).fingerprints()

    def rebuild(self, *, kind, documents, progress) -> dict:
        return self.index(kind).rebuild(documents, progress)

    def search(self, request: SearchRequest) -> SearchOutcome:
        if request.query.matches_nothing or request.offset >= MAX_RESULT_WINDOW:
            return SearchOutcome(0, [], empty_facets(), {}, self.name)
        body = ElasticsearchQueryCompiler(request).body()
        try:
            response = self.client.search(index=alias_name(PAPER), **body).body
        except NotFoundError as exc:
            raise SearchUnavailable(f"Index {alias_name(PAPER)} fehlt: {exc}") from exc
        except Exception as exc:
            if is_unavailable(exc):
                raise SearchUnavailable(str(exc)) from exc
            raise
        return ElasticsearchResults(response, with_score=not request.query.is_empty).outcome()

    def complete(self, *, prefix: str, limit: int) -> list[Completion]:
        folded = " ".join(fold(w) for w in prefix.split())
        if not folded:
            return []
        # The completion suggester ranks *documents* (each by its best input), so a paper
        # whose title matches hides its matching tags; we take every matching completion
        # of each returned document and rank them all in search/services.py.
        body = {
            "suggest": {
                "completion": {
                    "prefix": folded,
                    "completion": {"field": "suggest", "size": limit * 5},
                }
            },
            "_source": ["completions"],
        }
        indices = ",".join(alias_name(kind) for kind in (PAPER, WORKING_GROUP, EVENT))
        try:
            response = self.client.search(
                index=indices, ignore_unavailable=True, allow_no_indices=True, **body
            ).body
        except Exception as exc:
            if is_unavailable(exc):
                raise SearchUnavailable(str(exc)) from exc
            raise
        found = []
        for option in response.get("suggest", {}).get("completion", [{}])[0].get("options", []):
            for stored in option.get("_source", {}).get("completions", []):
                completion = Completion.from_stored(stored)
                if completion.matches(folded):
                    found.append(completion)
        return found

    def is_retryable(self, exc: Exception) -> bool:
        return is_unavailable(exc) or super().is_retryable(exc)

    def describe(self) -> BackendDescription:
        url = _redacted(self.url)
        if not self.ping():
            return BackendDescription(backend=self.name, reachable=False, url=url)
        indices = {}
        for kind in KINDS:
            index = self.index(kind)
            indices[kind] = IndexDescription(
                location=index.alias,
                documents=index.count(),
                physical=tuple(index.physical_indices()),
                schema_current=index.schema_current(),
            )
        return BackendDescription(
            backend=self.name, reachable=True, url=url, chain=self.chain(), indices=indices
        )


def _redacted(url: str) -> str:
    # Never print a password from the URL into logs or status output.
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
