"""What a publish-side change affects, and setting it off: index updates, content version, frontend.

The one place that decides. Every publish-side event (workgroups/receivers.py) comes here;
this module records the index updates it owes in the editor's transaction (search/outbox.py,
drained by the worker) and, once the transaction is committed, replaces the content version
(every cached API and search answer at once, cms/versions.py) and asks the frontend to
revalidate. A page that expires later gets a run of Wagtail's ``publish_scheduled`` at its
expiry, so the frontend and the index follow at that moment, not at the scheduler's next turn.

The frontend is always revalidated as a whole (its route drops every cached API answer and
page): the backend's response cache is invalidated as a whole on every change anyway, and a
hand-kept list of which paths and tags a change touches (counts, facets, related papers,
co-authoring groups, feeds, sitemap, expiry) is where a stale, or non-public, page would
survive. The site is small; a page is rebuilt on its next request.
"""

import logging
import threading

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from alerts.tasks import paper_alerts_request
from cms.queue import task_enqueue_once
from cms.versions import content_version_bump
from printing.tasks import prints_render
from search.content import EVENT, PAPER, WORKING_GROUP, kind_of
from search.outbox import Extent, index_updates_record
from search.tasks import index_drain_request
from workgroups.models import (
    Addressee,
    PaperTag,
    PositionPaperPage,
    RegulatoryProject,
    WorkingGroupPage,
)
from workgroups.tasks import EXPIRY_GRACE, frontend_revalidate, pages_expire

logger = logging.getLogger(__name__)

PAGE, MEMBERSHIP, SUBTREE = Extent.PAGE, Extent.MEMBERSHIP, Extent.SUBTREE
# What a page event owes the index, by kind of page (None: any other page, e.g. a section).
# A working group's name is part of its papers' documents and its state decides theirs;
# publishing a section again only matters if it was not live before, so only membership is
# fixed below it; everything else that moves, hides or shows a page touches all below it.
INDEX_EXTENT = {
    "published": {PAPER: PAGE, EVENT: PAGE, WORKING_GROUP: SUBTREE, None: MEMBERSHIP},
    "unpublished": {PAPER: PAGE, EVENT: PAGE, WORKING_GROUP: SUBTREE, None: SUBTREE},
    "deleted": {None: PAGE},
}


def publication_page_published(*, page: Page) -> None:
    _page_event(page, "published")
    if page.specific_class is PositionPaperPage:
        if settings.PRINTING_ON_PUBLISH:
            # The worker renders the new version's PDF once the publish is committed.
            _safely(task_enqueue_once, prints_render)
        # After the commit, so the worker sees the published version (and its index update).
        page_id = page.pk
        transaction.on_commit(lambda: _safely(paper_alerts_request, page_id=page_id))
    expire_at = page.expire_at
    if expire_at is not None and expire_at > timezone.now():
        _safely(task_enqueue_once, pages_expire, run_after=expire_at + EXPIRY_GRACE)


def publication_page_unpublished(*, page: Page) -> None:
    _page_event(page, "unpublished")


def publication_page_deleting(*, page: Page) -> None:
    """Before a delete: papers a working group co-authors carry its name (the links go with it)."""
    if page.specific_class is WorkingGroupPage:
        co_authored = PositionPaperPage.objects.filter(co_working_groups=page.pk)
        index_updates_record(page_ids=co_authored.values_list("pk", flat=True))


def publication_page_deleted(*, page: Page) -> None:
    # A deleted subtree sends one signal per page; each removes its own document.
    _page_event(page, "deleted")


def publication_subtree_changed(*, page_id: int) -> None:
    """A page moved, changed its slug or its view restriction: URLs or visibility below it."""
    index_updates_record(page_ids=[page_id], extent=SUBTREE)
    _changed(index=True)


def publication_snippet_saved(*, instance, created: bool) -> None:
    """A snippet (no drafts: saving is publishing) was saved; papers carry its name."""
    if not created:
        index_updates_record(page_ids=_pages_naming(instance))
    _changed(index=not created)


def publication_snippet_deleting(*, instance) -> None:
    """Before a snippet is deleted: the pages naming it (the links go with it)."""
    index_updates_record(page_ids=_pages_naming(instance))


def publication_snippet_deleted(*, instance) -> None:
    _changed(index=True)


def publication_paper_records_changed(*, page_id: int) -> None:
    """A record kept outside the paper's revisions changed (a dispatch): its document and
    every cached answer follow without a new content version of the paper."""
    index_updates_record(page_ids=[page_id])
    _changed(index=True)


def publication_scope_changed(*, reindex: bool = False) -> None:
    """Sites or collection restrictions changed: what is public (or a PDF) may differ anywhere."""
    if reindex:
        # The default site's root decides every page's URL and visibility.
        root = Page.get_first_root_node()
        if root is not None:
            index_updates_record(page_ids=[root.pk], extent=SUBTREE)
    _changed(index=reindex)


def publication_records_changed() -> None:
    """Records kept outside page revisions (e.g. impact) changed: cached answers must follow."""
    _changed(index=False)


def _page_event(page: Page, event: str) -> None:
    # A deleted page's specific row is gone already; any kind removes just its document.
    kind = kind_of(page) if event != "deleted" else None
    extent = INDEX_EXTENT[event][kind]
    index_updates_record(page_ids=[page.pk], extent=extent)
    _changed(index=True)


def _pages_naming(instance) -> list[int]:
    """Pages whose index documents carry a snippet's name."""
    if isinstance(instance, Addressee):
        pages = PositionPaperPage.objects.filter(dispatches__addressee=instance)
    elif isinstance(instance, RegulatoryProject):
        pages = PositionPaperPage.objects.filter(regulatory_projects=instance)
    elif isinstance(instance, Tag):
        papers = PaperTag.objects.filter(tag=instance).values_list("content_object_id", flat=True)
        groups = WorkingGroupPage.topics.through.objects.filter(tag=instance).values_list(
            "content_object_id", flat=True
        )
        return [*papers, *groups]
    else:
        return []  # organisations are not part of any index document
    return list(pages.values_list("pk", flat=True))


# --- delivery after the commit -------------------------------------------------------------

_local = threading.local()


class _Changes:
    """What this thread changed in its current transaction, delivered once after the commit."""

    def __init__(self):
        self.index = False
        self.delivered = False

    def deliver(self) -> None:
        if not self.delivered:
            self.delivered = True
            _deliver(drain=self.index)


def _changed(*, index: bool) -> None:
    if index:
        # The drain task is written with the change (in the editor's transaction: durable
        # with the publish, and it sees every row once committed). An immediate backend runs
        # the drain here, on what the transaction sees so far.
        _safely(index_drain_request)
    if not transaction.get_connection().in_atomic_block:
        _deliver(drain=False)  # requested just now, after the (auto)commit
        return
    changes = getattr(_local, "changes", None)
    if changes is None or changes.delivered:
        changes = _local.changes = _Changes()
    changes.index |= index
    # Registered with every change: a savepoint that rolls back takes only its own
    # registrations with it; the first registration that runs delivers, the rest do nothing.
    # A transaction rolled back as a whole leaves ``changes`` undelivered; the next change
    # reuses it (delivering a little more than needed is harmless).
    transaction.on_commit(changes.deliver)


def publication_pending() -> bool:
    """True while this thread has publish-side changes that are not committed yet.

    Such a thread bypasses the API response cache: it must see its own writes and must not
    store its uncommitted view for others.
    """
    changes = getattr(_local, "changes", None)
    if changes is None or changes.delivered:
        return False
    if not transaction.get_connection().in_atomic_block:
        # Outside any transaction with changes undelivered: their transaction rolled back.
        _local.changes = None
        return False
    return True


def _deliver(*, drain: bool) -> None:
    _safely(content_version_bump)
    if drain:
        # Again after the commit: a drain that was waiting when the rows were written may
        # have started before they were committed, and then not seen them.
        _safely(index_drain_request)
    if settings.FRONTEND_REVALIDATE_SECRET:
        _safely(task_enqueue_once, frontend_revalidate)


def _safely(func, *args, **kwargs) -> None:
    # Nothing here may fail the editor's publish, nor (after the commit) the request: the
    # change is saved. The savepoint keeps a failed query from breaking the transaction.
    try:
        with transaction.atomic():
            func(*args, **kwargs)
    except Exception:  # noqa: BLE001
        logger.exception("Folgeaktion einer Veröffentlichung fehlgeschlagen: %s", func.__name__)
