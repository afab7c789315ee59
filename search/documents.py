"""Elasticsearch documents (elasticsearch-dsl) for papers, working groups and events."""

import copy
import hashlib
import json

from django.conf import settings
from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Integer,
    Keyword,
    Object,
    Text,
)

from search.analysis import normalise
from search.analysis.chains import (
    COMPLETION_ANALYZER,
    GERMAN_ANALYZER,
    NORM_ANALYZER,
    SPELL_ANALYZER,
    es_analysis,
)
from search.backends.base import completions_stored
from search.content import EVENT, PAPER, WORKING_GROUP, keyword_values


def _german(**kwargs) -> Text:
    return Text(analyzer=GERMAN_ANALYZER, **kwargs)


def _norm(**kwargs) -> Text:
    return Text(analyzer=NORM_ANALYZER, **kwargs)


# Laws and long papers run to 100 kB: BM25's default length normalisation (b 0.75) buries a
# long text that matches every query word under short ones that match one.
LONG_TEXT_SIMILARITY = "sprachrohr_long_text"
SIMILARITY = {LONG_TEXT_SIMILARITY: {"type": "BM25", "k1": 1.2, "b": 0.3}}


class PageDocument(Document):
    """The fields every public page document has: raw German text and normalised terms."""

    page_id = Integer()
    kind = Keyword()
    slug = Keyword()
    url = Keyword(index=False)
    # Raw text, analysed by the node's German chain (core or full).
    title = _german()
    subtitle = _german()
    summary = _german()
    lead = _german()
    keywords = _german()
    body = _german(similarity=LONG_TEXT_SIMILARITY)
    # The same text through search/analysis/normalise.py (folding, stemming). The weighted
    # fields hold whole words only, their compound parts go to parts_norm (scored like the
    # body: exact words beat compound parts); the body keeps its parts after a position gap.
    title_norm = _norm()
    summary_norm = _norm()
    lead_norm = _norm()
    keywords_norm = _norm()
    body_norm = _norm(similarity=LONG_TEXT_SIMILARITY)
    parts_norm = _norm()
    # Names of the working groups (search.content.keyword_values), scored like the body.
    groups_norm = _norm()
    # Lower-cased surface words for did-you-mean, completions for search-as-you-type.
    spell = Text(analyzer=SPELL_ANALYZER)
    suggest = Completion(analyzer=COMPLETION_ANALYZER, search_analyzer=COMPLETION_ANALYZER)
    completions = Object(enabled=False)
    published_on = Date()
    fingerprint = Keyword()

    class Index:
        name = "pages"
        settings = {"number_of_shards": 1}

    @classmethod
    def from_content(cls, document: dict) -> "PageDocument":
        """Map an engine-neutral document (search/content.py) onto this Document."""
        keywords, groups = keyword_values(document)
        weighted = {
            "title_norm": normalise(document["title"]),
            "summary_norm": normalise(document["subtitle"], document["summary"]),
            "lead_norm": normalise(*document["lead"]),
            "keywords_norm": normalise(*keywords),
        }
        parts = " ".join(n.parts for n in weighted.values() if n.parts)
        return cls(
            meta={"id": document["page_id"]},
            page_id=document["page_id"],
            kind=document["kind"],
            slug=document["slug"],
            url=document["url"],
            title=document["title"],
            subtitle=document["subtitle"],
            summary=document["summary"],
            lead=document["lead"],
            keywords=keywords,
            body=document["body"],
            **{name: [n.stream] for name, n in weighted.items()},
            parts_norm=[parts] if parts else [],
            groups_norm=normalise(*groups).as_es(),
            body_norm=normalise(document["body"]).as_es(),
            spell=[
                document["title"],
                document["subtitle"],
                document["summary"],
                *keywords,
                *groups,
            ],
            suggest=[{"input": c["keys"], "weight": c["weight"]} for c in document["completions"]]
            or None,
            completions=completions_stored(document),
            published_on=document.get("published_on"),
            fingerprint=document["fingerprint"],
        )


class PaperDocument(PageDocument):
    """A position paper, statement, list of demands or press release."""

    status = Keyword()
    paper_type = Keyword()
    working_group = Keyword()
    tag = Keyword()
    addressee = Keyword()
    level = Keyword()
    regulatory_project = Keyword()
    year = Keyword()
    # Text of the attached PDFs: matched through pdf/pdf_norm (one array value per page, so
    # a phrase never runs across pages), shown per page from passages.
    pdf = _german(similarity=LONG_TEXT_SIMILARITY)
    pdf_norm = _norm(similarity=LONG_TEXT_SIMILARITY)
    passages = Object(enabled=False)

    class Index:
        name = "papers"
        settings = {"number_of_shards": 1}

    @classmethod
    def from_content(cls, document: dict) -> "PaperDocument":
        doc = super().from_content(document)
        doc.status = document["status"]
        doc.paper_type = document["paper_type"]
        for facet, values in document["facets"].items():
            setattr(doc, facet, values)
        passages = document.get("passages") or []
        doc.pdf = [p["text"] for p in passages]
        doc.pdf_norm = [value for p in passages for value in normalise(p["text"]).as_es()]
        doc.passages = passages
        return doc


class WorkingGroupDocument(PageDocument):
    """A working group ("Arbeitskreis")."""

    class Index:
        name = "working-groups"
        settings = {"number_of_shards": 1}


class EventDocument(PageDocument):
    """An event of the association or a working group."""

    starts_at = Date()

    class Index:
        name = "events"
        settings = {"number_of_shards": 1}

    @classmethod
    def from_content(cls, document: dict) -> "EventDocument":
        doc = super().from_content(document)
        doc.starts_at = document.get("starts_at")
        return doc


DOCUMENTS: dict[str, type[PageDocument]] = {
    PAPER: PaperDocument,
    WORKING_GROUP: WorkingGroupDocument,
    EVENT: EventDocument,
}


def alias_name(kind: str) -> str:
    """The alias all reads and writes go through: ``<prefix>-<documents>``."""
    return f"{settings.SEARCH_INDEX_PREFIX}-{DOCUMENTS[kind].Index.name}"


def index_body(kind: str, chain: str) -> dict:
    """Settings and mappings of a new physical index for a kind on a chain."""
    document = DOCUMENTS[kind]
    # to_dict() hands out the Document's own dict: copy before adding _meta.
    mapping = copy.deepcopy(document._doc_type.mapping.to_dict())
    body = {
        "settings": {
            **document.Index.settings,
            "number_of_replicas": settings.SEARCH_ES_REPLICAS,
            "analysis": es_analysis(chain),
            "similarity": SIMILARITY,
        },
        "mappings": mapping,
    }
    body["mappings"]["_meta"] = {"chain": chain, "schema": schema_fingerprint(kind, chain)}
    return body


def schema_fingerprint(kind: str, chain: str) -> str:
    """A short hash of mapping and analysis: a different one means the index needs a rebuild."""
    document = DOCUMENTS[kind]
    payload = json.dumps(
        [
            {k: v for k, v in document._doc_type.mapping.to_dict().items() if k != "_meta"},
            es_analysis(chain),
            document.Index.settings,
            SIMILARITY,
        ],
        sort_keys=True,
    )
    return hashlib.sha1(payload.encode()).hexdigest()[:12]
