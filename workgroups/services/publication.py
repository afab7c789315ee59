"""What a publish-side change sets off: the API cache is invalidated, the frontend revalidated."""

import threading
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

from workgroups.api.cache import content_version_bump
from workgroups.selectors import public_scope

_pending = threading.local()
DESCENDANT_PATHS_LIMIT = 200

# Cache tags sent to the frontend, by page type (see README, "API").
PAGE_TYPE_TAGS = {
    "positionpaperpage": ("papers", "working-groups", "tags", "addressees", "regulatory-projects"),
    "workinggrouppage": ("working-groups", "papers", "organisations", "events"),
    "eventpage": ("events", "working-groups"),
}


def _frontend_paths(url_paths: Iterable[str]) -> list[str]:
    """Frontend paths of these URL paths and of their ancestors below the site root."""
    scope = public_scope()
    root = scope.root_url_path
    paths: set[str] = set()
    for url_path in url_paths:
        if not url_path or not url_path.startswith(root):
            continue
        relative = url_path[len(root) :].strip("/")
        parts = relative.split("/") if relative else []
        paths.add("/")
        for depth in range(1, len(parts) + 1):
            paths.add("/" + "/".join(parts[:depth]) + "/")
    return sorted(paths)


def _page_tags(page: Page) -> set[str]:
    specific_model = page.specific_class._meta.model_name if page.specific_class else ""
    tags = {"pages", *PAGE_TYPE_TAGS.get(specific_model, ())}
    if specific_model == "positionpaperpage":
        tags.add(f"paper:{page.slug}")
    elif specific_model == "workinggrouppage":
        tags.add(f"working-group:{page.slug}")
    elif specific_model == "eventpage":
        tags.add(f"event:{page.slug}")
    return tags


def _related_url_paths(page: Page) -> list[str]:
    """Pages whose frontend view shows this one: co-authoring groups, predecessor papers."""
    from workgroups.models import EventPage, PositionPaperPage

    specific = page.specific_deferred if page.pk else page
    url_paths: list[str] = []
    if isinstance(specific, PositionPaperPage):
        url_paths += [group.url_path for group in specific.co_working_groups.all()]
        url_paths += list(
            PositionPaperPage.objects.filter(superseded_by_id=page.pk).values_list(
                "url_path", flat=True
            )
        )
        if specific.superseded_by_id:
            url_paths += list(
                Page.objects.filter(pk=specific.superseded_by_id).values_list("url_path", flat=True)
            )
    elif isinstance(specific, EventPage) and specific.working_group_id:
        url_paths += list(
            Page.objects.filter(pk=specific.working_group_id).values_list("url_path", flat=True)
        )
    return url_paths


def publication_page_changed(
    *, page: Page, old_url_path: str | None = None, with_descendants: bool = False
) -> None:
    """A page was published, unpublished, moved, deleted or its privacy changed."""
    if not settings.FRONTEND_REVALIDATE_SECRET:
        # Without revalidation only the API cache needs to know; skip the path lookups.
        publication_changed()
        return
    url_paths = [page.url_path, *([old_url_path] if old_url_path else [])]
    tags = _page_tags(page)
    if page.pk and Page.objects.filter(pk=page.pk).exists():
        url_paths += _related_url_paths(page)
        if with_descendants:
            descendants = page.get_descendants().values_list("url_path", flat=True)
            url_paths += list(descendants[:DESCENDANT_PATHS_LIMIT])
            tags.add("api")
    if with_descendants and old_url_path:
        tags.add("api")
    publication_changed(paths=_frontend_paths(url_paths), tags=sorted(tags))


def publication_changed(*, paths: Iterable[str] = (), tags: Iterable[str] = ()) -> None:
    """Invalidate cached API answers and revalidate the frontend once the change is committed.

    Inside a transaction nothing is announced before the commit: other processes cannot see
    the change yet, and a rollback must not leave an invalidated cache or a frontend that
    re-fetched the old state. Until then this thread bypasses the API cache
    (``publication_pending``), so its own reads see its own writes.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _deliver(set(paths), set(tags))
        return
    state = getattr(_pending, "state", None)
    if state is None or not _flush_registered(connection):
        # No flush pending in this transaction (a former one may have been rolled back).
        state = _pending.state = {"paths": set(), "tags": set()}
        transaction.on_commit(_flush)
    state["paths"].update(paths)
    state["tags"].update(tags)


def publication_pending() -> bool:
    """True while this thread has publish-side changes that are not committed yet."""
    if getattr(_pending, "state", None) is None:
        return False
    if _flush_registered(transaction.get_connection()):
        return True
    _pending.state = None  # the transaction was rolled back
    return False


def _flush_registered(connection) -> bool:
    return any(entry[1] is _flush for entry in connection.run_on_commit)


def _flush() -> None:
    state = getattr(_pending, "state", None)
    _pending.state = None
    if state is not None:
        _deliver(state["paths"], state["tags"])


def _deliver(paths: set[str], tags: set[str]) -> None:
    content_version_bump()
    if settings.FRONTEND_REVALIDATE_SECRET and (paths or tags):
        from workgroups.tasks import frontend_revalidate

        frontend_revalidate.enqueue(paths=sorted(paths), tags=sorted(tags))
