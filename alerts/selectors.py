"""Reads of the alerts: what a topic is called, who follows a paper, what a saved search finds."""

import datetime as dt
import json

from django.db.models import Q, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from alerts.models import Subscription, TopicKind
from search.backends.base import MAX_RESULT_WINDOW
from search.services import search_papers
from workgroups.models import PositionPaperPage, RegulatoryProject
from workgroups.selectors import PublicScope, public_scope, tag_list, working_groups_public

# The search parameters a saved search keeps (those of /api/v1/search/ but the page).
SEARCH_FILTERS = ("working_group", "paper_type", "addressee", "level", "regulatory_project")


def search_filters(params: dict) -> dict[str, tuple[str, ...]]:
    """A saved search's parameters as the filters of ``search_papers`` (as the search view does)."""
    filters = {name: (params[name],) for name in SEARCH_FILTERS if params.get(name)}
    tags = [tag for tag in params.get("tag", []) if tag]
    if tags:
        filters["tag"] = tuple(dict.fromkeys(tags))
    if params.get("year"):
        filters["year"] = (str(params["year"]),)
    return filters


def search_query(value: str) -> dict:
    """The parameters of a saved search from its stored value."""
    return json.loads(value)


def topic_label(*, kind: str, value: str, scope: PublicScope | None = None) -> str | None:
    """The German name of a public topic, or None if there is no such public topic.

    A draft, private or unknown topic gets None alike, so an answer tells nothing about it.
    """
    scope = scope or public_scope()
    if kind == TopicKind.WORKING_GROUP:
        return (
            working_groups_public(scope=scope)
            .filter(slug=value)
            .values_list("title", flat=True)
            .first()
        )
    if kind == TopicKind.TAG:
        return tag_list(scope=scope).filter(slug=value).values_list("name", flat=True).first()
    if kind == TopicKind.REGULATORY_PROJECT:
        project = RegulatoryProject.objects.filter(slug=value).first()
        return str(project) if project else None
    if kind == TopicKind.PAPER:
        return (
            PositionPaperPage.objects.filter(scope.q(), slug=value)
            .values_list("title", flat=True)
            .first()
        )
    if kind == TopicKind.QUERY:
        params = search_query(value)
        text = params.get("q", "").strip()
        return _("Suche „%(q)s“") % {"q": text} if text else _("Suche nach allen Papieren")
    return None


def topic_describe(*, subscription: Subscription, scope: PublicScope | None = None) -> str:
    """A subscription's topic for e-mails and the overview: kind and name."""
    label = topic_label(kind=subscription.kind, value=subscription.value, scope=scope)
    if subscription.kind == TopicKind.QUERY:
        return label
    kind = str(TopicKind(subscription.kind).label)
    name = label or subscription.value
    if name.startswith(f"{kind} "):
        # "Arbeitskreis Software" says what it is; not "Arbeitskreis „Arbeitskreis Software“".
        return f"„{name}“"
    return f"{kind} „{name}“"


def paper_in_search(*, paper_id: int, params: dict, scope: PublicScope) -> bool:
    """True if the saved search finds the paper: the same service and rules as /api/v1/search/."""
    found = search_papers(
        q=params.get("q", ""),
        filters=search_filters(params),
        offset=0,
        limit=MAX_RESULT_WINDOW,
        scope=scope,
    )
    return any(paper.pk == paper_id for paper in found.papers)


def paper_version_published_at(*, paper: PositionPaperPage) -> dt.datetime | None:
    """When the paper was first published in its current version and status (the publish log)."""
    entries = (
        PageLogEntry.objects.filter(page_id=paper.pk, action="wagtail.publish")
        .exclude(revision__isnull=True)
        .annotate(
            version=KeyTextTransform("version_label", "revision__content"),
            state=KeyTextTransform("status", "revision__content"),
        )
        .order_by("timestamp", "pk")
        .values_list("version", "state", "timestamp")
    )
    # Compared here, not in SQL: SQLite cannot filter on the extracted text reliably.
    current = (paper.version_label, paper.status)
    return next((at for version, state, at in entries if (version, state) == current), None)


def subscriptions_following(
    *, paper: PositionPaperPage, scope: PublicScope, confirmed_before: dt.datetime | None = None
) -> list[Subscription]:
    """Confirmed subscriptions whose topic the public paper belongs to (saved searches too).

    With ``confirmed_before``, only those confirmed before that moment.
    """
    group_slugs = [paper.lead_group_slug, *(group.slug for group in paper.co_working_groups.all())]
    tag_slugs = [item.tag.slug for item in paper.tagged_items.all()]
    project_slugs = list(paper.regulatory_projects.values_list("slug", flat=True))
    topics = Q(kind=TopicKind.PAPER, value=paper.slug)
    topics |= Q(kind=TopicKind.WORKING_GROUP, value__in=[s for s in group_slugs if s])
    topics |= Q(kind=TopicKind.TAG, value__in=tag_slugs)
    topics |= Q(kind=TopicKind.REGULATORY_PROJECT, value__in=project_slugs)
    confirmed = Subscription.objects.filter(confirmed_at__isnull=False)
    if confirmed_before is not None:
        confirmed = confirmed.filter(confirmed_at__lt=confirmed_before)
    found = list(confirmed.filter(topics).order_by("pk"))
    searches = confirmed.filter(kind=TopicKind.QUERY).order_by("pk")
    # One search per distinct saved search, however many addresses share it.
    finds: dict[str, bool] = {}
    for subscription in searches:
        if subscription.value not in finds:
            finds[subscription.value] = paper_in_search(
                paper_id=paper.pk, params=search_query(subscription.value), scope=scope
            )
        if finds[subscription.value]:
            found.append(subscription)
    return found


def subscriptions_of(*, email: str) -> QuerySet[Subscription]:
    """All subscriptions of one (normalised) address, oldest first."""
    return Subscription.objects.filter(email=email).order_by("pk")
