"""Background work of the search (django-tasks): draining the outbox of index updates."""

import logging
from datetime import datetime

from django.utils import timezone
from django_tasks import task

from cms.queue import task_enqueue_once
from search.outbox import index_updates_drain, index_updates_next_attempt

logger = logging.getLogger(__name__)


# Ahead of Wagtail's own tasks (admin search, reference index) and alerts: a published
# paper should be findable, an unpublished one gone from the results, within a second or so.
@task(priority=5)
def index_drain() -> dict:
    """Apply the due index updates of the outbox, then wait for the next one that falls due."""
    report = index_updates_drain()
    at = index_updates_next_attempt()
    if at is not None:
        index_drain_request(at=at)
    return report


def index_drain_request(*, at: datetime | None = None) -> None:
    """Make sure the outbox is drained at ``at`` (now if None), with one waiting task at most."""
    if at is not None and at > timezone.now() and not index_drain.get_backend().supports_defer:
        # An immediate backend cannot wait: the rows stay in the outbox until the next
        # drain. Production uses the database backend, which can.
        logger.error(
            "Suchindex-Aktualisierung wartet ohne Wiederholung (Task-Backend ohne "
            "Zeitsteuerung); `manage.py search_index replay` arbeitet sie ab."
        )
        return
    task_enqueue_once(index_drain, run_after=at)
