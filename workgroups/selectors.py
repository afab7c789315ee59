"""Reads of public content: only live, publicly viewable pages below the default site's root."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce, Length, Lower, Substr
from django.db.models.lookups import StartsWith
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageLogEntry, Site

from printing.models import PaperPrint
from workgroups.models import (
    Addressee,
    EventPage,
    Organisation,
    PaperDispatch,
    PaperStatus,
    PaperTag,
    PositionPaperPage,
    RegulatoryProject,
    WorkingGroupChair,
    WorkingGroupPage,
)

# Page types that may ever be addressed publicly; minutes are never among them.
PUBLIC_PAGE_TYPES = {
    "cms.homepage": "home",
    "workgroups.workinggroupindexpage": "working_group_index",
    "workgroups.workinggrouppage": "working_group",
    "workgroups.positionpaperpage": "paper",
    "workgroups.eventindexpage": "event_index",
    "workgroups.eventpage": "event",
}
PAGE_TYPE_CHOICES = [(kind, kind) for kind in dict.fromkeys(PUBLIC_PAGE_TYPES.values())]
RELATED_PAPERS_LIMIT = 5
# Papers ranked by shared tags before the public scope is checked (see _papers_sharing_tags).
RELATED_CANDIDATES = 50
UPCOMING_EVENTS_LIMIT = 10


@dataclass(frozen=True)
class PublicScope:
    """Where public pages live: the live default-site root and below, minus hidden sections.

    A page is public while it is live and its expiry (``expire_at``) has not come, whether
    or not the scheduler has unpublished it yet. A section is hidden when its page carries a
    view restriction (password, login, groups), is not live or has expired — everything
    below it is hidden too, so an unpublished working group takes its papers off the public
    site with it. Sections that expire later are hidden by ``q()`` and ``contains()`` from
    that moment on (``expiring_paths``), so a scope kept in a cache never outlives an expiry.
    """

    root_path: str | None
    root_url_path: str
    hidden_paths: tuple[str, ...]
    # (path, expire_at) of live sections below the root that expire later.
    expiring_paths: tuple[tuple[str, dt.datetime], ...] = ()

    def q(self, prefix: str = "") -> Q:
        """A filter for pages (or, with ``prefix``, related pages) that are public."""
        if self.root_path is None:
            return Q(pk__in=[])
        now = timezone.now()
        q = Q(**{f"{prefix}live": True, f"{prefix}path__startswith": self.root_path})
        q &= Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": now})
        for path in self._hidden(now):
            q &= ~Q(**{f"{prefix}path__startswith": path})
        return q

    def contains(self, page: Page) -> bool:
        """The same rule as ``q()`` for a page already in memory."""
        now = timezone.now()
        return bool(
            self.root_path
            and page.live
            and (page.expire_at is None or page.expire_at > now)
            and page.path.startswith(self.root_path)
            and not any(page.path.startswith(path) for path in self._hidden(now))
        )

    def _hidden(self, now: dt.datetime) -> tuple[str, ...]:
        expired = tuple(path for path, expire_at in self.expiring_paths if expire_at <= now)
        return self.hidden_paths + expired if expired else self.hidden_paths

    def frontend_path(self, url_path: str) -> str:
        """The page's path on the frontend: its Wagtail URL relative to the site root."""
        return "/" + url_path[len(self.root_url_path) :]

    def frontend_path_expression(self):
        """``frontend_path`` as a database expression, for annotations."""
        return Substr("url_path", len(self.root_url_path))


def public_scope() -> PublicScope:
    """The current public scope (one query)."""
    now = timezone.now()
    root_path = Site.objects.filter(is_default_site=True).values("root_page__path")[:1]
    rows = list(
        Page.objects.annotate(site_root=Subquery(root_path))
        .filter(path__startswith=F("site_root"))
        .filter(
            Q(path=F("site_root"))
            | Q(live=False, numchild__gt=0)
            | Q(expire_at__isnull=False, numchild__gt=0)
            | Q(view_restrictions__isnull=False)
        )
        .values_list("path", "url_path", "live", "site_root", "expire_at", "view_restrictions")
        .distinct()
    )
    root = next(((p, u, live, e) for p, u, live, r, e, _v in rows if p == r), None)
    if root is None:
        return PublicScope(root_path=None, root_url_path="/", hidden_paths=())
    root_path, root_url_path, root_live, root_expiry = root
    hidden: set[str] = set()
    expiring: dict[str, dt.datetime] = {}
    for path, _url_path, live, _root, expire_at, restriction in rows:
        if not live or restriction is not None or (expire_at is not None and expire_at <= now):
            hidden.add(path)
        elif expire_at is not None:
            expiring[path] = expire_at
    if not root_live or (root_expiry is not None and root_expiry <= now):
        hidden = {root_path}
    # Drop paths already covered by a hidden ancestor: fewer conditions per query.
    minimal: list[str] = []
    for path in sorted(hidden):
        if not any(path.startswith(kept) for kept in minimal):
            minimal.append(path)
    return PublicScope(
        root_path=root_path,
        root_url_path=root_url_path,
        hidden_paths=tuple(minimal),
        expiring_paths=tuple(
            sorted(
                (path, expire_at)
                for path, expire_at in expiring.items()
                if not any(path.startswith(kept) for kept in minimal)
            )
        ),
    )


def _parent_of(field: str = "path") -> Substr:
    return Substr(OuterRef(field), 1, Length(OuterRef(field)) - Page.steplen)


def working_groups_public(*, scope: PublicScope | None = None) -> QuerySet[WorkingGroupPage]:
    """Public working groups, by name."""
    scope = scope or public_scope()
    return WorkingGroupPage.objects.filter(scope.q()).order_by("title", "pk")


def _collection_restricted() -> Exists:
    # The document's collection (or one above it) carries a view restriction.
    return Exists(
        CollectionViewRestriction.objects.filter(
            StartsWith(OuterRef("collection__path"), F("collection__path"))
        )
    )


def _pdf_restricted() -> Exists:
    return Exists(
        get_document_model().objects.filter(pk=OuterRef("pdf_id")).filter(_collection_restricted())
    )


def _paper_tags() -> QuerySet[PaperTag]:
    # Tags as references (slug, name), case-insensitively by name.
    return (
        PaperTag.objects.select_related("tag")
        .annotate(slug=F("tag__slug"), name=F("tag__name"))
        .order_by(Lower("tag__name"), "tag__slug")
    )


def _group_refs(scope: PublicScope) -> QuerySet[WorkingGroupPage]:
    # Public working groups as references (slug, name), by name.
    return working_groups_public(scope=scope).only("id", "title", "slug").annotate(name=F("title"))


def papers_public(*, scope: PublicScope | None = None) -> QuerySet[PositionPaperPage]:
    """Public position papers (withdrawn ones included), newest first, ready for list serializers.

    The lead working group, frontend path and the PDF's file and visibility are
    annotations (subqueries, evaluated only for the rows fetched); tags (by name),
    co-authoring groups (public ones only, by name) and dispatches are prefetched, so
    serializing any number of results costs a fixed number of queries. ``body`` is
    deferred; use ``paper_get_public`` for the full paper.
    """
    scope = scope or public_scope()
    parent = Page.objects.filter(path=_parent_of())
    document = get_document_model().objects.filter(pk=OuterRef("pdf_id"))
    # The generated PDF of the live version (printing/), used where no PDF was uploaded.
    printed = PaperPrint.objects.filter(
        page_id=OuterRef("pk"), revision_id=OuterRef("live_revision")
    )
    return (
        PositionPaperPage.objects.filter(scope.q())
        .defer("body")
        .annotate(
            lead_group_slug=Subquery(parent.values("slug")[:1]),
            lead_group_name=Subquery(parent.values("title")[:1]),
            frontend_url=scope.frontend_path_expression(),
            pdf_file=Subquery(document.values("file")[:1]),
            pdf_restricted=_pdf_restricted(),
            print_id=Subquery(printed.values("pk")[:1]),
            print_file=Subquery(printed.values("file")[:1]),
        )
        .prefetch_related(
            Prefetch("tagged_items", queryset=_paper_tags()),
            Prefetch("co_working_groups", queryset=_group_refs(scope)),
            Prefetch(
                "dispatches",
                queryset=PaperDispatch.objects.select_related("addressee").order_by(
                    "sort_order", "pk"
                ),
            ),
        )
        .order_by("-publication_date", "-pk")
    )


def papers_hydrate(*, ids: list[int], scope: PublicScope | None = None) -> list[PositionPaperPage]:
    """The public papers with these ids, in this order, ready for list serializers."""
    found = {paper.pk: paper for paper in papers_public(scope=scope).filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


PAPER_ORDERINGS = {
    "published_at": ("publication_date", "pk"),
    "-published_at": ("-publication_date", "-pk"),
    "title": ("title", "pk"),
}


def _papers_filtered(
    papers: QuerySet[PositionPaperPage],
    *,
    scope: PublicScope,
    working_group: str | None = None,
    tags: list[str] | None = None,
    paper_type: str | None = None,
    addressee: str | None = None,
    level: str | None = None,
    regulatory_project: str | None = None,
    statuses: list[str] | None = None,
    published_after: dt.date | None = None,
    published_before: dt.date | None = None,
    ordering: str = "-published_at",
) -> QuerySet[PositionPaperPage]:
    if working_group:
        group_paths = WorkingGroupPage.objects.filter(scope.q(), slug=working_group).values_list(
            "path", flat=True
        )
        group_path = next(iter(group_paths), None)
        if group_path is None:
            return papers.none()
        co_authored = PositionPaperPage.co_working_groups.through.objects.filter(
            positionpaperpage=OuterRef("pk"), workinggrouppage__slug=working_group
        )
        papers = papers.filter(Q(path__startswith=group_path) | Exists(co_authored))
    for tag in dict.fromkeys(tags or []):
        papers = papers.filter(
            Exists(PaperTag.objects.filter(content_object=OuterRef("pk"), tag__slug=tag))
        )
    if paper_type:
        papers = papers.filter(paper_type=paper_type)
    if addressee:
        papers = papers.filter(
            Exists(PaperDispatch.objects.filter(page=OuterRef("pk"), addressee__slug=addressee))
        )
    if level:
        papers = papers.filter(
            Exists(PaperDispatch.objects.filter(page=OuterRef("pk"), addressee__level=level))
        )
    if regulatory_project:
        papers = papers.filter(
            Exists(
                PositionPaperPage.regulatory_projects.through.objects.filter(
                    positionpaperpage=OuterRef("pk"), regulatoryproject__slug=regulatory_project
                )
            )
        )
    if statuses:
        papers = papers.filter(status__in=statuses)
    else:
        papers = papers.exclude(status=PaperStatus.WITHDRAWN)
    if published_after:
        papers = papers.filter(publication_date__gte=published_after)
    if published_before:
        papers = papers.filter(publication_date__lte=published_before)
    return papers.order_by(*PAPER_ORDERINGS[ordering])


def paper_list(*, scope: PublicScope | None = None, **filters) -> QuerySet[PositionPaperPage]:
    """Public papers filtered as the API and feeds allow; withdrawn ones only on request.

    Filters: ``working_group`` (lead or co-author), ``tags`` (all of them), ``paper_type``,
    ``addressee``, ``level`` (of an addressee), ``regulatory_project``, ``statuses``,
    ``published_after``/``published_before`` and ``ordering`` (see ``PAPER_ORDERINGS``).
    """
    scope = scope or public_scope()
    return _papers_filtered(papers_public(scope=scope), scope=scope, **filters)


def paper_ids(*, scope: PublicScope | None = None, **filters) -> QuerySet:
    """The ids of ``paper_list`` in order: cheap to count and page through, then hydrate."""
    scope = scope or public_scope()
    papers = PositionPaperPage.objects.filter(scope.q())
    return _papers_filtered(papers, scope=scope, **filters).values_list("pk", flat=True)


def paper_get_public(*, slug: str, scope: PublicScope | None = None) -> PositionPaperPage | None:
    """One public paper with everything the detail view shows, or None."""
    scope = scope or public_scope()
    return (
        papers_public(scope=scope)
        .defer(None)
        .prefetch_related(
            "key_demands",
            Prefetch(
                "regulatory_projects", queryset=RegulatoryProject.objects.order_by("title", "pk")
            ),
            Prefetch("signatories", queryset=Organisation.objects.order_by("name", "pk")),
        )
        .filter(slug=slug)
        .first()
    )


def _paper_references(scope: PublicScope) -> QuerySet[PositionPaperPage]:
    return (
        PositionPaperPage.objects.filter(scope.q())
        .annotate(frontend_url=scope.frontend_path_expression())
        .only(
            "id",
            "slug",
            "title",
            "citation_id",
            "paper_type",
            "status",
            "publication_date",
            "version_label",
            "url_path",
        )
    )


def paper_successor(
    *, paper: PositionPaperPage, scope: PublicScope | None = None
) -> PositionPaperPage | None:
    """The public paper that replaces this one, if any."""
    if not paper.superseded_by_id:
        return None
    scope = scope or public_scope()
    return _paper_references(scope).filter(pk=paper.superseded_by_id).first()


def paper_predecessors(
    *, paper: PositionPaperPage, scope: PublicScope | None = None
) -> list[PositionPaperPage]:
    """The public papers this one replaces, newest first."""
    if paper.pk is None:
        return []
    scope = scope or public_scope()
    return list(
        _paper_references(scope)
        .filter(superseded_by_id=paper.pk)
        .order_by("-publication_date", "-pk")
    )


def paper_related(
    *, paper: PositionPaperPage, scope: PublicScope | None = None, limit: int = RELATED_PAPERS_LIMIT
) -> list[PositionPaperPage]:
    """Public, non-withdrawn papers sharing tags (most shared first), then the working group."""
    scope = scope or public_scope()
    others = _paper_references(scope).exclude(pk=paper.pk).exclude(status=PaperStatus.WITHDRAWN)
    tag_ids = [item.tag_id for item in paper.tagged_items.all()]
    related: list[PositionPaperPage] = []
    if tag_ids:
        related = _papers_sharing_tags(others, paper=paper, tag_ids=tag_ids, limit=limit)
    if len(related) < limit:
        group_path = paper.path[: -Page.steplen] if paper.path else None
        co_group_ids = [group.pk for group in paper.co_working_groups.all()]
        shares = Q(path__startswith=group_path) if group_path else Q(pk__in=[])
        if co_group_ids:
            co_authored = PositionPaperPage.co_working_groups.through.objects.filter(
                positionpaperpage=OuterRef("pk"), workinggrouppage__in=co_group_ids
            )
            shares |= Exists(co_authored)
        related += list(
            others.filter(shares)
            .exclude(pk__in=[p.pk for p in related])
            .order_by("-publication_date", "-pk")[: limit - len(related)]
        )
    return related


def _papers_sharing_tags(
    others: QuerySet, *, paper: PositionPaperPage, tag_ids: list[int], limit: int
) -> list[PositionPaperPage]:
    """The public papers sharing most tags with this one, newest first among equals.

    Ranked on the tag table alone (no join over every page, which grew with the corpus:
    22 ms at 10,000 papers), then the best candidates are checked against the public scope.
    Only if too few of them are public does the full query run.
    """
    ranked = list(
        PaperTag.objects.filter(tag_id__in=tag_ids)
        .exclude(content_object_id=paper.pk)
        .exclude(content_object__status=PaperStatus.WITHDRAWN)
        .values("content_object_id")
        .annotate(shared=Count("pk"), published=Max("content_object__publication_date"))
        .order_by("-shared", "-published", "-content_object_id")
        .values_list("content_object_id", flat=True)[:RELATED_CANDIDATES]
    )
    public = {candidate.pk: candidate for candidate in others.filter(pk__in=ranked)}
    related = [public[pk] for pk in ranked if pk in public][:limit]
    if len(related) == limit or len(ranked) < RELATED_CANDIDATES:
        return related
    return list(
        others.filter(tagged_items__tag_id__in=tag_ids)
        .annotate(shared_tags=Count("tagged_items"))
        .order_by("-shared_tags", "-publication_date", "-pk")[:limit]
    )


def paper_versions(*, paper: PositionPaperPage) -> list[dict]:
    """Public version history: each version label with the date it was first published.

    Read from the publish log, so drafts, rejected and still-scheduled revisions never
    appear; newest first.
    """
    if paper.pk is None:
        return []
    entries = (
        PageLogEntry.objects.filter(page_id=paper.pk, action="wagtail.publish")
        .exclude(revision__isnull=True)
        .annotate(version=KeyTextTransform("version_label", "revision__content"))
        .order_by("timestamp", "pk")
        .values_list("version", "timestamp")
    )
    first_seen: dict[str, dt.datetime] = {}
    for version, timestamp in entries:
        first_seen.setdefault(version or "", timestamp)
    return [
        {"version": version, "published_at": timestamp}
        for version, timestamp in sorted(first_seen.items(), key=lambda item: item[1], reverse=True)
    ]


def working_group_list(*, scope: PublicScope | None = None) -> QuerySet[WorkingGroupPage]:
    """Public working groups with their number of public, non-withdrawn papers."""
    scope = scope or public_scope()
    return (
        working_groups_public(scope=scope)
        .annotate(
            frontend_url=scope.frontend_path_expression(),
            paper_count=_paper_count_expression(scope),
        )
        .prefetch_related(Prefetch("tagged_topics", queryset=_topic_items()))
    )


def _topic_items():
    # Topics as references (slug, name), by name.
    return (
        WorkingGroupPage.topics.through.objects.select_related("tag")
        .annotate(slug=F("tag__slug"), name=F("tag__name"))
        .order_by("tag__name")
    )


def _paper_count_expression(scope: PublicScope):
    # Count papers filed under the group (by tree path) or co-authored by it.
    through = PositionPaperPage.co_working_groups.through
    lead = (
        PositionPaperPage.objects.filter(scope.q())
        .exclude(status=PaperStatus.WITHDRAWN)
        .filter(path__startswith=OuterRef("path"))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    co = (
        through.objects.filter(workinggrouppage=OuterRef("pk"))
        .filter(scope.q("positionpaperpage__"))
        .exclude(positionpaperpage__status=PaperStatus.WITHDRAWN)
        .exclude(positionpaperpage__path__startswith=OuterRef("path"))
        .order_by()
        .annotate(n=Func(F("positionpaperpage_id"), function="COUNT"))
        .values("n")
    )
    return Coalesce(Subquery(lead, output_field=IntegerField()), Value(0)) + Coalesce(
        Subquery(co, output_field=IntegerField()), Value(0)
    )


def working_group_get_public(
    *, slug: str, scope: PublicScope | None = None
) -> WorkingGroupPage | None:
    """One public working group with chairs, topics and member organisations, or None."""
    scope = scope or public_scope()
    return (
        working_group_list(scope=scope)
        .prefetch_related(
            Prefetch(
                "chairs",
                queryset=WorkingGroupChair.objects.select_related("organisation").order_by(
                    "sort_order", "pk"
                ),
            ),
            Prefetch("member_organisations", queryset=Organisation.objects.order_by("name")),
        )
        .filter(slug=slug)
        .first()
    )


def events_public(*, scope: PublicScope | None = None) -> QuerySet[EventPage]:
    """Public events with their (public) working group, earliest first."""
    scope = scope or public_scope()
    group = Page.objects.filter(scope.q(), pk=OuterRef("working_group_id"))
    return (
        EventPage.objects.filter(scope.q())
        .annotate(
            frontend_url=scope.frontend_path_expression(),
            group_slug=Subquery(group.values("slug")[:1]),
            group_name=Subquery(group.values("title")[:1]),
        )
        .order_by("starts_at", "pk")
    )


def event_list(
    *,
    scope: PublicScope | None = None,
    working_group: str | None = None,
    upcoming: bool = False,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    descending: bool = False,
) -> QuerySet[EventPage]:
    """Public events filtered by group, time window or "still to come"."""
    events = events_public(scope=scope)
    if working_group:
        events = events.filter(group_slug=working_group)
    if upcoming:
        now = timezone.now()
        events = events.filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))
    if date_from:
        events = events.filter(starts_at__date__gte=date_from)
    if date_to:
        events = events.filter(starts_at__date__lte=date_to)
    return events.order_by("-starts_at", "-pk") if descending else events


def events_upcoming_for_group(
    *, group: WorkingGroupPage, scope: PublicScope | None = None
) -> list[EventPage]:
    """The next public events of one working group."""
    return list(
        event_list(scope=scope, upcoming=True).filter(working_group_id=group.pk)[
            :UPCOMING_EVENTS_LIMIT
        ]
    )


def event_get_public(*, slug: str, scope: PublicScope | None = None) -> EventPage | None:
    return events_public(scope=scope).filter(slug=slug).first()


def organisation_list(*, scope: PublicScope | None = None) -> QuerySet[Organisation]:
    """Member organisations with the public working groups they belong to."""
    scope = scope or public_scope()
    return Organisation.objects.order_by("name", "pk").prefetch_related(
        Prefetch("working_groups", queryset=_group_refs(scope))
    )


def addressee_list(*, scope: PublicScope | None = None, level: str | None = None):
    """Addressees with the number of public, non-withdrawn papers sent to them."""
    scope = scope or public_scope()
    addressees = Addressee.objects.annotate(
        paper_count=Count(
            "dispatches__page",
            filter=scope.q("dispatches__page__")
            & ~Q(dispatches__page__status=PaperStatus.WITHDRAWN),
            distinct=True,
        )
    ).order_by("name", "pk")
    if level:
        addressees = addressees.filter(level=level)
    return addressees


def regulatory_project_list(
    *,
    scope: PublicScope | None = None,
    level: str | None = None,
    kind: str | None = None,
    open_only: bool = False,
):
    """Regulatory projects: open consultations first (nearest deadline first), then by title."""
    scope = scope or public_scope()
    today = timezone.localdate()
    projects = RegulatoryProject.objects.annotate(
        paper_count=Count(
            "papers",
            filter=scope.q("papers__") & ~Q(papers__status=PaperStatus.WITHDRAWN),
            distinct=True,
        ),
        is_open=Case(
            When(consultation_deadline__gte=today, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )
    if level:
        projects = projects.filter(level=level)
    if kind:
        projects = projects.filter(kind=kind)
    if open_only:
        projects = projects.filter(consultation_deadline__gte=today)
    open_deadline = Case(
        When(consultation_deadline__gte=today, then=F("consultation_deadline")), default=None
    )
    return projects.order_by(F("is_open").desc(), open_deadline.asc(nulls_last=True), "title", "pk")


def tag_list(*, scope: PublicScope | None = None):
    """Tags used by public, non-withdrawn papers, with their paper counts; most used first."""
    scope = scope or public_scope()
    return (
        Tag.objects.annotate(
            paper_count=Count(
                "workgroups_papertag_items",
                filter=scope.q("workgroups_papertag_items__content_object__")
                & ~Q(workgroups_papertag_items__content_object__status=PaperStatus.WITHDRAWN),
                distinct=True,
            )
        )
        .filter(paper_count__gt=0)
        .order_by("-paper_count", "name", "pk")
    )


def page_get_public_by_path(*, path: str, scope: PublicScope | None = None) -> Page | None:
    """The public page at a frontend path (e.g. ``/arbeitskreise/software/``), or None."""
    scope = scope or public_scope()
    if scope.root_path is None:
        return None
    parts = [part for part in path.strip("/").split("/") if part]
    url_path = scope.root_url_path + "".join(f"{part}/" for part in parts)
    candidates = (
        Page.objects.filter(scope.q(), url_path=url_path)
        .annotate(frontend_url=scope.frontend_path_expression())
        .select_related("content_type")
    )
    if parts:
        candidates = candidates.filter(slug=parts[-1])
    else:
        candidates = candidates.filter(path=scope.root_path)
    for page in candidates:
        ct = page.content_type
        if f"{ct.app_label}.{ct.model}" in PUBLIC_PAGE_TYPES:
            return page
    return None


def page_public_type(page: Page) -> str:
    ct = page.content_type
    return PUBLIC_PAGE_TYPES[f"{ct.app_label}.{ct.model}"]


def page_preview_prepare(*, page: Page, kind: str, scope: PublicScope | None = None) -> Page:
    """A previewed draft with the attributes that public rows get from the selectors.

    A preview is no database row (a page that was never published has no URL path yet),
    so what ``papers_public()``, ``working_group_list()`` and ``events_public()`` annotate
    and prefetch is computed here from the draft and its public surroundings: frontend
    path, lead and co-authoring groups, tags, addressees, PDF, organisations, counts.
    """
    scope = scope or public_scope()
    page.public_type = kind
    # Papers name their lead group; a page without a URL path yet takes it from its parent.
    needs_parent = kind == "paper" or not page.url_path
    parent = page.get_parent() if needs_parent and page.path else None
    url_path = page.url_path or (f"{parent.url_path}{page.slug}/" if parent else "")
    page.frontend_url = scope.frontend_path(url_path or f"/{page.slug}/")
    if kind == "paper":
        _paper_preview_prepare(page, parent=parent, scope=scope)
    elif kind == "working_group":
        _group_preview_prepare(page, scope=scope)
    elif kind == "event":
        group = page.working_group if page.working_group_id else None
        public = group is not None and scope.contains(group)
        page.group_slug = group.slug if public else None
        page.group_name = group.title if public else None
    return page


def _tag_refs(items: list, *, key) -> list:
    # Draft tag items as references (slug, name), sorted; their tags loaded in one query.
    unloaded = {item.tag_id for item in items if not type(item).tag.is_cached(item)}
    tags = Tag.objects.in_bulk(unloaded)
    for item in items:
        tag = item.tag if type(item).tag.is_cached(item) else tags[item.tag_id]
        item.slug, item.name = tag.slug, tag.name
    return sorted(items, key=key)


def _paper_preview_prepare(paper: PositionPaperPage, *, parent: Page | None, scope) -> None:
    lead = parent if parent is not None and scope.contains(parent) else None
    paper.lead_group_slug = lead.slug if lead else None
    paper.lead_group_name = lead.title if lead else None
    co_group_ids = [group.pk for group in paper.co_working_groups.all()]
    paper.co_working_groups = list(_group_refs(scope).filter(pk__in=co_group_ids))
    paper.tagged_items = _tag_refs(
        list(paper.tagged_items.all()), key=lambda item: (item.name.lower(), item.slug)
    )
    dispatches = list(paper.dispatches.all())
    addressees = Addressee.objects.in_bulk({d.addressee_id for d in dispatches})
    for dispatch in dispatches:
        dispatch.addressee = addressees[dispatch.addressee_id]
    paper.signatories = sorted(paper.signatories.all(), key=lambda o: (o.name, o.pk or 0))
    paper.regulatory_projects = sorted(
        paper.regulatory_projects.all(), key=lambda p: (p.title, p.pk or 0)
    )
    document = (
        get_document_model()
        .objects.filter(pk=paper.pdf_id)
        .annotate(restricted=_collection_restricted())
        .values_list("file", "restricted")
        .first()
        if paper.pdf_id
        else None
    )
    # A PDF that is gone counts as restricted: no link.
    paper.pdf_file, paper.pdf_restricted = document or (None, bool(paper.pdf_id))
    # A draft has no generated PDF: the worker prints published versions only.
    paper.print_id = paper.print_file = None


def _group_preview_prepare(group: WorkingGroupPage, *, scope) -> None:
    group.paper_count = (
        working_group_list(scope=scope)
        .filter(pk=group.pk)
        .values_list("paper_count", flat=True)
        .first()
        or 0
    )
    group.tagged_topics = _tag_refs(list(group.tagged_topics.all()), key=lambda item: item.name)
    chairs = list(group.chairs.all())
    organisations = Organisation.objects.in_bulk(
        {chair.organisation_id for chair in chairs if chair.organisation_id}
    )
    for chair in chairs:
        chair.organisation = organisations.get(chair.organisation_id)
    group.public_upcoming_events = (
        events_upcoming_for_group(group=group, scope=scope) if group.pk else []
    )
