"""Similar published papers of other working groups, for the editor's overlap check (issue 14.4).

Elasticsearch: more-like-this over the draft's text. Database: shared Regelungsvorhaben and
tags, then overlap of the index terms. Either way only public papers whose lead group is none
of the draft's groups, and the database has the last word on what is public.
"""

import datetime as dt
import logging
import math
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from search.analysis.normalise import terms_of
from search.backends import SearchUnavailable, search_backend
from search.content import stream_text
from search.models import SearchDocument
from workgroups.models import PaperStatus, PositionPaperPage
from workgroups.selectors import papers_public

logger = logging.getLogger(__name__)

LIMIT = 5
# Database backend: candidates beyond those sharing a project or tag (the most recent ones).
RECENT_CANDIDATES = 300


@dataclass(frozen=True)
class SimilarPaper:
    title: str
    working_group: str
    url: str
    published_on: dt.date | None
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Draft:
    pk: int | None
    text: str
    terms: frozenset[str]
    groups: frozenset[str]
    tag_ids: frozenset[int]
    project_ids: frozenset[int]


def _draft(page: PositionPaperPage) -> _Draft:
    parent = page.get_parent() if page.pk else None
    groups = {parent.slug} if parent else set()
    groups |= {group.slug for group in page.co_working_groups.all()}
    text = "\n".join(
        filter(
            None, [page.title, page.subtitle, page.summary, page.verdict, stream_text(page.body)]
        )
    )
    return _Draft(
        pk=page.pk,
        text=text,
        terms=frozenset(terms_of(text)),
        groups=frozenset(groups),
        tag_ids=frozenset(tag.pk for tag in page.tags.all()),
        project_ids=frozenset(project.pk for project in page.regulatory_projects.all()),
    )


def similar_papers(*, page: PositionPaperPage, limit: int = LIMIT) -> list[SimilarPaper]:
    """The published papers of other groups most like this page (its latest revision)."""
    draft = _draft(page)
    if not draft.terms:
        return []
    backend = search_backend()
    ranked: list[int] = []
    if backend.name == "elasticsearch":
        try:
            ranked = _elasticsearch_ranked(backend, draft, limit * 4)
        except SearchUnavailable:
            logger.warning("Ähnliche Papiere: Elasticsearch nicht erreichbar, Datenbank antwortet")
            ranked = []
        else:
            return _hydrate(draft, ranked, limit, text_reason=True)
    return _hydrate(draft, _database_ranked(draft), limit, text_reason=False)


def _others(draft: _Draft):
    # Public papers led by none of the draft's groups; withdrawn ones say nothing any more.
    return (
        papers_public()
        .exclude(lead_group_slug__in=draft.groups)
        .exclude(status=PaperStatus.WITHDRAWN)
        .exclude(pk=draft.pk)
    )


def _elasticsearch_ranked(backend, draft: _Draft, size: int) -> list[int]:
    # Imported here: without ELASTICSEARCH_URL no Elasticsearch code is loaded at all.
    from search.documents import alias_name

    body = {
        "size": size,
        "_source": False,
        "query": {
            "bool": {
                "must": [
                    {
                        "more_like_this": {
                            "fields": ["title", "summary", "lead", "body"],
                            "like": draft.text[:20_000],
                            "min_term_freq": 1,
                            "min_doc_freq": 1,
                            "max_query_terms": 25,
                            "minimum_should_match": "10%",
                        }
                    }
                ],
                "must_not": [
                    {"terms": {"working_group": sorted(draft.groups)}},
                    {"term": {"status": PaperStatus.WITHDRAWN}},
                    *([{"ids": {"values": [str(draft.pk)]}}] if draft.pk else []),
                ],
            }
        },
    }
    try:
        response = backend.client.search(index=alias_name("paper"), body=body)
    except Exception as exc:
        if backend.is_retryable(exc):
            raise SearchUnavailable(str(exc)) from exc
        raise
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


def _database_ranked(draft: _Draft) -> list[int]:
    others = _others(draft)
    shared = others.filter(
        Q(tagged_items__tag_id__in=draft.tag_ids) | Q(regulatory_projects__in=draft.project_ids)
    ).values_list("pk", flat=True)
    candidates = set(shared) | set(others.values_list("pk", flat=True)[:RECENT_CANDIDATES])
    scores: dict[int, float] = {}
    # The database index keeps each paper's normalised terms (title fields and body): the
    # overlap with the draft's terms, relative to both sizes (a cosine of term sets).
    for page_id, title, body in SearchDocument.objects.filter(page_id__in=candidates).values_list(
        "page_id", "title", "body"
    ):
        words = set(title.split()) | set(body.split())
        shared = len(words & draft.terms)
        if shared:
            scores[page_id] = shared / math.sqrt(len(words) * len(draft.terms))
    shared_counts = (
        PositionPaperPage.objects.filter(pk__in=candidates)
        .annotate(
            shared_projects=Count(
                "regulatory_projects",
                filter=Q(regulatory_projects__in=draft.project_ids),
                distinct=True,
            ),
            shared_tags=Count(
                "tagged_items", filter=Q(tagged_items__tag_id__in=draft.tag_ids), distinct=True
            ),
        )
        .values_list("pk", "shared_projects", "shared_tags")
    )
    for page_id, projects, tags in shared_counts:
        if projects or tags:
            scores[page_id] = scores.get(page_id, 0.0) + 0.3 * projects + 0.1 * tags
    return sorted(scores, key=lambda pk: (-scores[pk], pk))


def _hydrate(
    draft: _Draft, ranked: list[int], limit: int, *, text_reason: bool
) -> list[SimilarPaper]:
    found = {
        paper.pk: paper
        for paper in _others(draft)
        .filter(pk__in=ranked[: limit * 4])
        .prefetch_related("regulatory_projects")
    }
    result = []
    for pk in ranked:
        paper = found.get(pk)
        if paper is None:
            continue
        reasons = []
        projects = [p for p in paper.regulatory_projects.all() if p.pk in draft.project_ids]
        if projects:
            reasons.append(
                _("gleiches Regelungsvorhaben: %s")
                % ", ".join(p.short_title or p.title for p in projects)
            )
        tags = [item.tag.name for item in paper.tagged_items.all() if item.tag_id in draft.tag_ids]
        if tags:
            reasons.append(_("gemeinsame Schlagworte: %s") % ", ".join(sorted(tags)))
        if text_reason or not reasons:
            reasons.append(_("ähnlicher Text"))
        result.append(
            SimilarPaper(
                title=paper.title,
                working_group=paper.lead_group_name or "",
                url=paper.frontend_url,
                published_on=paper.publication_date,
                reasons=reasons,
            )
        )
        if len(result) == limit:
            break
    return result
