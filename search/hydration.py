"""The public papers of a result page, read as flat rows: what the paper list serializer reads.

``papers_public()`` builds model instances with six annotations and three prefetches; for
the twenty hits of a search page that costs more than the search itself. Here the same
facts come from a few ``values()`` queries, and the rows carry exactly the attributes
``PaperListSerializer`` reads (tests/search/test_hydration.py keeps both in step).
Rows are kept per content version (``papers_for_hits_cached``): a public paper's row changes
only with the content, and every change that could alter one replaces the version.
"""

import threading
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Lower
from django.db.models.lookups import StartsWith
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page

from printing.models import PaperPrint
from workgroups.api.serializers.common import Named
from workgroups.models import PaperDispatch, PaperTag, PositionPaperPage
from workgroups.selectors import PublicScope

ROWS_PREFIX = "sprachrohr:search:hit-row:"
# Rows this process has read from the shared cache, for one content version at a time (the
# hits of popular queries repeat; each read saves a cache query and the unpickling).
LOCAL_ROWS_MAX = 2_000
_local: dict[str, dict[int, SimpleNamespace]] = {}
_local_lock = threading.Lock()

PAPER_FIELDS = (
    "id",
    "slug",
    "citation_id",
    "title",
    "subtitle",
    "summary",
    "paper_type",
    "status",
    "publication_date",
    "version_label",
    "pdf_id",
    "path",
    "url_path",
    "live_revision_id",
)


class Related(list):
    """Related rows in a list that also answers ``.all()``, as the prefetched managers do."""

    def all(self) -> "Related":
        return self


@dataclass
class _Dispatch:
    addressee_id: int
    addressee: dict


def _lead_groups(papers: list[dict]) -> dict[str, tuple[str, str]]:
    # A paper's lead group is its parent page (the path without its last step).
    parents = {row["path"][: -Page.steplen] for row in papers}
    rows = Page.objects.filter(path__in=parents).values_list("path", "slug", "title")
    return {path: (slug, title) for path, slug, title in rows}


def _restricted_pdfs(pdf_ids: set[int]) -> set[int]:
    if not pdf_ids:
        return set()
    # The document's collection (or one above it) carries a view restriction.
    restricted = Exists(
        CollectionViewRestriction.objects.filter(
            StartsWith(OuterRef("collection__path"), F("collection__path"))
        )
    )
    documents = get_document_model().objects.filter(restricted, pk__in=pdf_ids)
    return set(documents.values_list("pk", flat=True))


def papers_for_hits(*, ids: list[int], scope: PublicScope) -> dict[int, SimpleNamespace]:
    """id → row for every paper among ``ids`` that is public now (the database's last word)."""
    if not ids:
        return {}
    papers = list(
        PositionPaperPage.objects.filter(scope.q(), pk__in=ids).values(
            *PAPER_FIELDS, pdf_file=F("pdf__file")
        )
    )
    if not papers:
        return {}
    found = [row["id"] for row in papers]
    leads = _lead_groups(papers)
    restricted = _restricted_pdfs({row["pdf_id"] for row in papers if row["pdf_id"]})
    # The generated PDF of the live version (printing/), used where no PDF was uploaded.
    prints = {
        (page_id, revision_id): (pk, file)
        for page_id, revision_id, pk, file in PaperPrint.objects.filter(
            page_id__in=found
        ).values_list("page_id", "revision_id", "pk", "file")
    }
    tags: dict[int, Related] = {pk: Related() for pk in found}
    for paper_id, slug, name in (
        PaperTag.objects.filter(content_object_id__in=found)
        .order_by(Lower("tag__name"), "tag__slug")
        .values_list("content_object_id", "tag__slug", "tag__name")
    ):
        tags[paper_id].append(Named(slug, name))
    # Co-authoring groups: public ones only, by name.
    groups: dict[int, Related] = {pk: Related() for pk in found}
    through = PositionPaperPage.co_working_groups.through
    for paper_id, slug, title in (
        through.objects.filter(scope.q("workinggrouppage__"), positionpaperpage_id__in=found)
        .order_by("workinggrouppage__title", "workinggrouppage_id")
        .values_list("positionpaperpage_id", "workinggrouppage__slug", "workinggrouppage__title")
    ):
        groups[paper_id].append(Named(slug, title))
    dispatches: dict[int, Related] = {pk: Related() for pk in found}
    for paper_id, addressee_id, slug, name, level in (
        PaperDispatch.objects.filter(page_id__in=found)
        .order_by("sort_order", "pk")
        .values_list(
            "page_id", "addressee_id", "addressee__slug", "addressee__name", "addressee__level"
        )
    ):
        dispatches[paper_id].append(
            _Dispatch(addressee_id, {"slug": slug, "name": name, "level": level})
        )
    rows = {}
    for row in papers:
        pk = row["id"]
        lead = leads.get(row["path"][: -Page.steplen])
        printed = prints.get((pk, row["live_revision_id"]))
        rows[pk] = SimpleNamespace(
            **row,
            pk=pk,
            lead_group_slug=lead[0] if lead else None,
            lead_group_name=lead[1] if lead else None,
            frontend_url=scope.frontend_path(row["url_path"]),
            pdf_restricted=row["pdf_id"] in restricted,
            print_id=printed[0] if printed else None,
            print_file=printed[1] if printed else None,
            tagged_items=tags[pk],
            co_working_groups=groups[pk],
            dispatches=dispatches[pk],
        )
    return rows


def papers_for_hits_cached(
    *, ids: list[int], scope: PublicScope, version: str | None
) -> dict[int, SimpleNamespace]:
    """``papers_for_hits()`` through a cache keyed by the content version ``version``.

    ``version`` must have been read before ``scope`` was worked out (search/visibility.py),
    so a row kept under it describes that version or a newer state, never an older one. Only
    public papers are kept; an id that is not public is asked of the database every time.
    Without a version (uncommitted publish-side changes in this thread) nothing is cached.
    """
    if version is None or not ids:
        return papers_for_hits(ids=ids, scope=scope)
    local = _local_rows(version)
    rows = {pk: local[pk] for pk in ids if pk in local}
    wanted = [pk for pk in ids if pk not in rows]
    if wanted:
        keys = {pk: f"{ROWS_PREFIX}{version}:{pk}" for pk in wanted}
        found = cache.get_many(list(keys.values()))
        shared = {pk: found[key] for pk, key in keys.items() if key in found}
        missing = [pk for pk in wanted if pk not in shared]
        if missing:
            built = papers_for_hits(ids=missing, scope=scope)
            cache.set_many(
                {keys[pk]: row for pk, row in built.items()}, settings.API_RESPONSE_CACHE_SECONDS
            )
            shared.update(built)
        if settings.API_RESPONSE_CACHE_SECONDS > 0 and len(local) + len(shared) <= LOCAL_ROWS_MAX:
            local.update(shared)
        rows.update(shared)
    # Callers set per-request attributes (score, highlight) on the rows: each request gets
    # its own copies, so nothing of one request stays on a row another request reads.
    return {pk: SimpleNamespace(**vars(row)) for pk, row in rows.items()}


def _local_rows(version: str) -> dict[int, SimpleNamespace]:
    rows = _local.get(version)
    if rows is None:
        with _local_lock:
            # A new version: the rows of the old one describe an older state and go.
            _local.clear()
            rows = _local.setdefault(version, {})
    return rows
