"""The outbox of index updates: recorded in the editor's transaction, worked off by the worker."""

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Min, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from search.backends import SearchBackend, SearchUnavailable, search_backend, write_backends
from search.indexing import chunks, index_pages_sync, index_reconcile, subtree_ids
from search.models import IndexUpdate

logger = logging.getLogger(__name__)

Extent = IndexUpdate.Extent
State = IndexUpdate.State
BATCH = 500
# Batches per backend and drain: then the worker turns to other tasks (revalidation) first.
BATCHES_PER_DRAIN = 20
ERROR_LENGTH = 2000


def retry_delay(attempt: int) -> int:
    """Seconds before the next attempt: 1, 2, 4, … capped so recovery is noticed quickly."""
    return min(2**attempt, settings.SEARCH_RETRY_MAX_DELAY)


def index_updates_record(*, page_ids: Iterable[int], extent: int = Extent.PAGE) -> None:
    """Owe every backend an update of these pages (one row per page and backend, merged).

    Never lets a failure reach the editor: `search_index reconcile` repairs what is lost.
    """
    ids = sorted({int(pk) for pk in page_ids})
    if not ids:
        return
    try:
        with transaction.atomic():
            _record(ids, extent)
    except Exception:  # noqa: BLE001 - publishing must never fail because of the index
        logger.exception(
            "Suchindex-Aktualisierung nicht vorgemerkt (Seiten %s); "
            "`manage.py search_index reconcile` repariert das.",
            ids[:20],
        )


def _record(ids: list[int], extent: int) -> None:
    now = timezone.now()
    for backend in write_backends():
        for chunk in chunks(ids, BATCH):
            # Insert what is new, then one update for all: a row another transaction
            # inserted meanwhile is merged too (the insert waits for it, then skips it).
            IndexUpdate.objects.bulk_create(
                [
                    IndexUpdate(
                        page_id=pk, backend=backend.name, extent=extent, next_attempt_at=now
                    )
                    for pk in chunk
                ],
                ignore_conflicts=True,
            )
            IndexUpdate.objects.filter(backend=backend.name, page_id__in=chunk).update(
                extent=Greatest(F("extent"), Value(extent)),
                state=State.PENDING,
                attempts=0,
                next_attempt_at=now,
                last_error="",
                change=uuid.uuid4(),
                updated_at=now,
            )


def index_updates_drain() -> dict:
    """Apply the due updates, backend by backend; failures wait with backoff or end as failed.

    Idempotent and independent of order (``index_pages_sync``), so a row worked off twice
    (two workers, a crash before the delete) does no harm.
    """
    report = {"done": 0, "retrying": 0, "failed": 0}
    backends = write_backends()
    names = {backend.name for backend in backends}
    dropped, _ = IndexUpdate.objects.exclude(backend__in=names).delete()
    if dropped:
        logger.info("%d Aktualisierungen für nicht konfigurierte Backends verworfen", dropped)
    # The backend that answers searches first: its readers see the change a write sooner.
    serving = search_backend().name
    for backend in sorted(backends, key=lambda backend: backend.name != serving):
        for _ in range(BATCHES_PER_DRAIN):
            rows = list(
                IndexUpdate.objects.filter(
                    backend=backend.name, state=State.PENDING, next_attempt_at__lte=timezone.now()
                ).order_by("next_attempt_at", "pk")[:BATCH]
            )
            if not rows:
                break
            if not backend.ping():
                # Down or hung: one short check instead of a long write timeout per batch.
                _failed(rows, SearchUnavailable(f"{backend.name} nicht erreichbar"), True, report)
                break
            _apply(backend, rows, report)
    return report


def _apply(backend: SearchBackend, rows: list[IndexUpdate], report: dict) -> None:
    try:
        _sync(backend, rows)
    except Exception as exc:  # noqa: BLE001 - every failure is recorded on its rows
        retryable = backend.is_retryable(exc)
        if len(rows) > 1 and not retryable:
            # One broken page must not hold up the others: try them one by one.
            for row in rows:
                _apply(backend, [row], report)
            return
        _failed(rows, exc, retryable, report)
        return
    deleted, _ = IndexUpdate.objects.filter(
        pk__in=[row.pk for row in rows], change__in={row.change for row in rows}
    ).delete()
    report["done"] += deleted


def _sync(backend: SearchBackend, rows: list[IndexUpdate]) -> None:
    pages: set[int] = set()
    membership: set[int] = set()
    for row in rows:
        pages.add(row.page_id)
        if row.extent == Extent.SUBTREE:
            pages.update(subtree_ids(root_id=row.page_id))
        elif row.extent == Extent.MEMBERSHIP:
            membership.update(subtree_ids(root_id=row.page_id))
    index_pages_sync(page_ids=pages, backends=[backend])
    if membership - pages:
        index_reconcile(within=membership, compare_content=False, backends=[backend])


def _failed(rows: list[IndexUpdate], exc: Exception, retryable: bool, report: dict) -> None:
    now = timezone.now()
    error = f"{type(exc).__name__}: {exc}"[:ERROR_LENGTH]
    by_attempts: dict[int, list[IndexUpdate]] = defaultdict(list)
    for row in rows:
        by_attempts[row.attempts + 1].append(row)
    for attempts, group in by_attempts.items():
        gives_up = not retryable or attempts >= settings.SEARCH_RETRY_MAX_ATTEMPTS
        # Only rows still holding the change that failed: a newer change starts afresh.
        IndexUpdate.objects.filter(
            pk__in=[row.pk for row in group], change__in={row.change for row in group}
        ).update(
            attempts=attempts,
            state=State.FAILED if gives_up else State.PENDING,
            next_attempt_at=now + timedelta(seconds=retry_delay(attempts - 1)),
            last_error=error,
            updated_at=now,
        )
        pages = [row.page_id for row in group][:20]
        if gives_up:
            report["failed"] += len(group)
            logger.error(
                "Suchindex-Aktualisierung aufgegeben nach %d Versuch(en) (%s, Seiten %s): %s; "
                "`manage.py search_index replay` versucht es erneut.",
                attempts,
                group[0].backend,
                pages,
                error,
            )
        else:
            report["retrying"] += len(group)
            logger.warning(
                "Suchindex-Aktualisierung fehlgeschlagen (%s, Versuch %d, nächster in %d s, "
                "Seiten %s): %s",
                group[0].backend,
                attempts,
                retry_delay(attempts - 1),
                pages,
                error,
            )


def index_updates_next_attempt() -> datetime | None:
    """When the next pending update is due (None: nothing pending)."""
    names = [backend.name for backend in write_backends()]
    return IndexUpdate.objects.filter(state=State.PENDING, backend__in=names).aggregate(
        at=Min("next_attempt_at")
    )["at"]


def index_updates_replay(*, ids: Iterable[int] | None = None) -> int:
    """Give failed updates (all, or these rows) a fresh start; the number revived."""
    failed = IndexUpdate.objects.filter(state=State.FAILED)
    if ids is not None:
        failed = failed.filter(pk__in=list(ids))
    now = timezone.now()
    return failed.update(
        state=State.PENDING, attempts=0, next_attempt_at=now, change=uuid.uuid4(), updated_at=now
    )


def index_updates_summary() -> dict:
    """Pending and failed updates, for /readyz, `search_index status` and the admin report."""
    facts = {"pending": 0, "failed": 0, "oldest_pending_seconds": None}
    rows = (
        IndexUpdate.objects.order_by()
        .values("state")
        .annotate(n=Count("pk"), oldest=Min("updated_at"))
    )
    for row in rows:
        facts[row["state"]] = row["n"]
        if row["state"] == State.PENDING:
            age = (timezone.now() - row["oldest"]).total_seconds()
            facts["oldest_pending_seconds"] = round(age, 1)
    return facts
