"""Durable index updates (django-tasks): retried with backoff until the backend takes them."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import OperationalError
from django.utils import timezone
from django_tasks import task

from search.indexing import index_pages_sync, index_reconcile, subtree_ids

logger = logging.getLogger(__name__)


def retryable(exc: Exception) -> bool:
    """Errors a later attempt can fix: Elasticsearch down or overloaded, database locked."""
    from search.backends.elasticsearch import is_unavailable

    return is_unavailable(exc) or isinstance(exc, OperationalError)


def retry_delay(attempt: int) -> int:
    """Seconds before the next attempt: 1, 2, 4, … capped so recovery is noticed quickly."""
    return min(2**attempt, settings.SEARCH_RETRY_MAX_DELAY)


def _retry(task_, attempt: int, exc: Exception, **kwargs) -> dict:
    delay = retry_delay(attempt)
    if not task_.get_backend().supports_defer:
        # An immediate backend cannot wait; the update is lost until `search_index
        # reconcile` runs. Production uses the database backend, which can.
        logger.error("Indexaktualisierung fehlgeschlagen, kein Wiederholen möglich: %s", exc)
        return {"failed": str(exc)}
    logger.warning(
        "Indexaktualisierung fehlgeschlagen (Versuch %d, nächster in %d s): %s",
        attempt + 1,
        delay,
        exc,
    )
    task_.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        attempt=attempt + 1, **kwargs
    )
    return {"retry_in": delay, "attempt": attempt + 1}


@task()
def index_pages(page_ids: list[int], attempt: int = 0) -> dict:
    """Sync the index with the current public state of some pages."""
    try:
        return index_pages_sync(page_ids=page_ids)
    except Exception as exc:
        if not retryable(exc):
            raise
        return _retry(index_pages, attempt, exc, page_ids=page_ids)


@task()
def index_subtree(root_id: int, only_missing: bool = False, attempt: int = 0) -> dict:
    """Sync a page with everything below it (moves, privacy changes, sections)."""
    try:
        ids = subtree_ids(root_id=root_id)
        if only_missing:
            return index_reconcile(within=set(ids), compare_content=False)
        return index_pages_sync(page_ids=ids)
    except Exception as exc:
        if not retryable(exc):
            raise
        return _retry(index_subtree, attempt, exc, root_id=root_id, only_missing=only_missing)
