"""What a live, public page contributes to the search index, as one engine-neutral document."""

import hashlib
import json
from collections.abc import Iterable, Iterator

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from wagtail.models import Page
from wagtail.rich_text import RichText, get_text_for_indexing

from search.analysis import STOP_WORDS, fold, words
from search.batches import PAGE_ROWS_PER_FETCH
from search.pdf import document_passages
from workgroups.models import (
    EventPage,
    EventType,
    PaperStatus,
    PositionPaperPage,
    RegulatoryProject,
    WorkingGroupPage,
)
from workgroups.selectors import (
    PublicScope,
    events_public,
    papers_public,
    public_scope,
    working_groups_public,
)

# Bump when the document shape changes: every fingerprint changes, so `search_index
# reconcile` re-indexes everything (a rebuild is only needed for mapping changes).
# 3: database rows score weighted fields by whole words only (issue 14 item 0).
DOCUMENT_FORMAT = 3

PAPER, WORKING_GROUP, EVENT = "paper", "working_group", "event"
KINDS = (PAPER, WORKING_GROUP, EVENT)
PAGE_MODELS = {PAPER: PositionPaperPage, WORKING_GROUP: WorkingGroupPage, EVENT: EventPage}

FACETS = ("working_group", "paper_type", "tag", "addressee", "level", "regulatory_project", "year")

# Completion weights: current papers first, then groups, topics, superseded papers, events.
COMPLETION_WEIGHTS = {
    "paper": 10,
    "paper_superseded": 4,
    "working_group": 8,
    "event": 3,
    "tag": 6,
    "regulatory_project": 6,
    "addressee": 5,
}
COMPLETION_MAX_SUFFIXES = 6
# The keywords entry that holds the names of the working groups (see keyword_values).
GROUP_KEYWORDS = "working_groups"


def kind_of(page: Page) -> str | None:
    """The index kind of a page, plain or specific (read off its content type, no query)."""
    return kind_of_model(page.specific_class)


def kind_of_model(model: type | None) -> str | None:
    for kind, kind_model in PAGE_MODELS.items():
        if model is not None and issubclass(model, kind_model):
            return kind
    return None


def ids_by_kind(ids: Iterable[int]) -> dict[str, list[int]]:
    """The ids of indexed kinds among these pages, by kind (one query; others are left out)."""
    by_kind: dict[str, list[int]] = {}
    rows = Page.objects.filter(pk__in=list(ids)).order_by("pk")
    for pk, content_type_id in rows.values_list("pk", "content_type_id"):
        kind = kind_of_model(ContentType.objects.get_for_id(content_type_id).model_class())
        if kind is not None:
            by_kind.setdefault(kind, []).append(pk)
    return by_kind


def stream_text(stream) -> str:
    """Plain text of a StreamField body, block by block (headings, paragraphs, demands, …)."""
    chunks: list[str] = []
    for child in stream or []:
        value = child.value
        kind = child.block_type
        if isinstance(value, RichText):
            # The stored source, not str(value): rendering it through the template first
            # cost more than all the rest of an index document.
            chunks.append(get_text_for_indexing(value.source))
        elif kind == "paragraph":
            chunks.append(get_text_for_indexing(str(value)))
        elif kind == "heading":
            chunks.append(value.get("text", ""))
        elif kind == "table":
            rows = (value or {}).get("data") or []
            chunks.append(" ".join(str(cell) for row in rows for cell in row if cell))
        elif kind in {"quote", "reference", "demand"}:
            fields = ("reference", "current_wording", "proposed_change", "rationale")
            fields += ("text", "attribution")
            chunks.append(" ".join(str(value.get(f) or "") for f in fields if value.get(f)))
        else:
            chunks.extend(child.block.get_searchable_content(value))
    return "\n\n".join(c.strip() for c in chunks if c and c.strip())


def completion_keys(text: str) -> list[str]:
    """Folded word suffixes of a text: "Digitale Verwaltung" completes from "dig" and "verw"."""
    tokens = [fold(m.group()) for m in words(text)]
    keys = []
    for i, token in enumerate(tokens):
        if i and token in STOP_WORDS:
            continue
        keys.append(" ".join(tokens[i:]))
        if len(keys) >= COMPLETION_MAX_SUFFIXES:
            break
    return keys


def _completion(
    page_id: int, text: str, kind: str, url: str | None, weight_key: str | None = None
) -> dict:
    # ``page_id``: the page the completion comes from; suggestions are checked against the
    # public pages before they are shown, so a stale index cannot leak a title.
    return {
        "page_id": page_id,
        "text": text,
        "kind": kind,
        "url": url,
        "weight": COMPLETION_WEIGHTS[weight_key or kind],
        "keys": completion_keys(text),
    }


def keyword_values(document: dict) -> tuple[list[str], list[str]]:
    """(topical keywords: tags, addressees, projects; names of the paper's working groups).

    Group names rank lower than topical keywords: a query word that happens to name a group
    ("Software", "Sicherheit") would otherwise lift every paper of that group.
    """
    topical = [
        t for key, values in document["keywords"].items() if key != GROUP_KEYWORDS for t in values
    ]
    return topical, list(document["keywords"].get(GROUP_KEYWORDS, ()))


def fingerprint(document: dict) -> str:
    payload = json.dumps(
        {k: v for k, v in document.items() if k != "fingerprint"},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha1(f"{DOCUMENT_FORMAT}:{payload}".encode()).hexdigest()


def _finish(document: dict) -> dict:
    document["fingerprint"] = fingerprint(document)
    return document


def paper_passages(paper: PositionPaperPage) -> list[dict]:
    """Pages of the paper's PDF version ({page, text}); none if its collection is restricted."""
    if not paper.pdf_id or getattr(paper, "pdf_restricted", True) or paper.pdf is None:
        return []
    return document_passages(paper.pdf)


def paper_document(paper: PositionPaperPage, *, scope: PublicScope) -> dict:
    """The index document of a paper (expects a ``papers_public()`` row, body loaded)."""
    url = getattr(paper, "frontend_url", None) or scope.frontend_path(paper.url_path)
    groups: dict[str, str] = {}
    if getattr(paper, "lead_group_slug", None):
        groups[paper.lead_group_slug] = paper.lead_group_name
    for group in paper.co_working_groups.all():
        groups.setdefault(group.slug, group.title)
    tags = sorted((item.tag for item in paper.tagged_items.all()), key=lambda t: t.slug)
    addressees = {}
    for dispatch in paper.dispatches.all():
        addressees.setdefault(dispatch.addressee.slug, dispatch.addressee)
    projects = sorted(paper.regulatory_projects.all(), key=lambda p: p.slug)
    demands = [d.text for d in paper.key_demands.all()]
    year = paper.publication_date.year if paper.publication_date else None

    completions = []
    if paper.status != PaperStatus.WITHDRAWN:
        superseded = paper.status == PaperStatus.SUPERSEDED
        completions.append(
            _completion(
                paper.pk, paper.title, PAPER, url, "paper_superseded" if superseded else None
            )
        )
        completions += [_completion(paper.pk, t.name, "tag", None) for t in tags]
        completions += [
            _completion(paper.pk, p.short_title or p.title, "regulatory_project", None)
            for p in projects
        ]
        completions += [
            _completion(paper.pk, a.name, "addressee", None) for a in addressees.values()
        ]

    return _finish(
        {
            "page_id": paper.pk,
            "kind": PAPER,
            "slug": paper.slug,
            "url": url,
            "title": paper.title,
            "subtitle": paper.subtitle,
            "summary": paper.summary,
            "lead": [paper.verdict, *demands],
            "body": stream_text(paper.body),
            # Text of the attached PDF, page by page (extracted here, in the index worker).
            "passages": paper_passages(paper),
            "keywords": {
                "tags": [t.name for t in tags],
                "addressees": [
                    " ".join(filter(None, [a.name, a.short_name])) for a in addressees.values()
                ],
                "regulatory_projects": [
                    " ".join(filter(None, [p.title, p.short_title, p.drucksache])) for p in projects
                ],
                GROUP_KEYWORDS: list(groups.values()),
            },
            "status": paper.status,
            "paper_type": paper.paper_type,
            "published_on": paper.publication_date.isoformat() if paper.publication_date else None,
            "year": year,
            "facets": {
                "working_group": sorted(groups),
                "paper_type": [paper.paper_type],
                "tag": [t.slug for t in tags],
                "addressee": sorted(addressees),
                "level": sorted({a.level for a in addressees.values()}),
                "regulatory_project": [p.slug for p in projects],
                "year": [str(year)] if year else [],
            },
            "completions": completions,
        }
    )


def working_group_document(group: WorkingGroupPage, *, scope: PublicScope) -> dict:
    url = getattr(group, "frontend_url", None) or scope.frontend_path(group.url_path)
    topics = sorted(item.tag.name for item in group.tagged_topics.all())
    return _finish(
        {
            "page_id": group.pk,
            "kind": WORKING_GROUP,
            "slug": group.slug,
            "url": url,
            "title": group.title,
            "subtitle": "",
            "summary": group.short_description,
            "lead": [],
            "body": get_text_for_indexing(group.mission or ""),
            "keywords": {"topics": topics},
            "status": "",
            "published_on": None,
            "year": None,
            "facets": {},
            "completions": [_completion(group.pk, group.title, WORKING_GROUP, url)],
        }
    )


def event_document(event: EventPage, *, scope: PublicScope) -> dict:
    url = getattr(event, "frontend_url", None) or scope.frontend_path(event.url_path)
    event_type = str(dict(EventType.choices).get(event.event_type, event.event_type))
    return _finish(
        {
            "page_id": event.pk,
            "kind": EVENT,
            "slug": event.slug,
            "url": url,
            "title": event.title,
            "subtitle": "",
            "summary": event.description,
            "lead": [],
            "body": " ".join(filter(None, [event.location, event_type])),
            "keywords": {GROUP_KEYWORDS: [event.group_name] if event.group_name else []},
            "status": "",
            "published_on": event.starts_at.date().isoformat() if event.starts_at else None,
            "starts_at": event.starts_at.isoformat() if event.starts_at else None,
            "year": None,
            "facets": {},
            "completions": [_completion(event.pk, event.title, EVENT, url)],
        }
    )


def _papers(scope: PublicScope):
    return (
        papers_public(scope=scope)
        .defer(None)
        .select_related("pdf")
        .prefetch_related(
            "key_demands",
            Prefetch("regulatory_projects", queryset=RegulatoryProject.objects.order_by("slug")),
        )
        .order_by("pk")
    )


def _groups(scope: PublicScope):
    return (
        working_groups_public(scope=scope)
        .annotate(frontend_url=scope.frontend_path_expression())
        .prefetch_related("tagged_topics__tag")
        .order_by("pk")
    )


def _events(scope: PublicScope):
    return events_public(scope=scope).order_by("pk")


BUILDERS = {
    PAPER: (_papers, paper_document),
    WORKING_GROUP: (_groups, working_group_document),
    EVENT: (_events, event_document),
}


def public_ids(*, kind: str, scope: PublicScope | None = None) -> set[int]:
    """Ids of every public page of a kind (what the index must contain)."""
    scope = scope or public_scope()
    queryset, _build = BUILDERS[kind]
    return set(queryset(scope).values_list("pk", flat=True))


def documents_build(
    *, kind: str, ids: Iterable[int] | None = None, scope: PublicScope | None = None
) -> Iterator[dict]:
    """Index documents of the public pages of a kind (all of them, or those among ``ids``)."""
    scope = scope or public_scope()
    queryset, build = BUILDERS[kind]
    rows = queryset(scope)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    for page in rows.iterator(chunk_size=PAGE_ROWS_PER_FETCH):
        yield build(page, scope=scope)


def documents_count(*, kind: str, scope: PublicScope | None = None) -> int:
    scope = scope or public_scope()
    queryset, _build = BUILDERS[kind]
    return queryset(scope).count()
