"""Index writes: sync changed pages, rebuild with an alias swap, compare and reconcile."""

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime, timedelta
from itertools import islice

from django.db import connection, connections
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from cms.versions import index_generation_bump
from search.backends import SearchBackend, write_backends
from search.batches import DOCUMENTS_PER_WRITE, PAGES_PER_BUILD
from search.content import (
    KINDS,
    WORKING_GROUP,
    documents_build,
    documents_count,
    ids_by_kind,
    kind_of,
    public_ids,
)
from search.models import IndexUpdate
from workgroups.models import PositionPaperPage
from workgroups.selectors import PublicScope, public_scope

# A kind with at least this many public pages is rebuilt with one building process per core
# (PostgreSQL, outside a transaction): building the documents (database reads, text
# analysis) is the long part of a rebuild, and one process uses one core.
PARALLEL_BUILD_FROM = 2000


def chunks(items: Iterable, size: int = PAGES_PER_BUILD) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def index_pages_sync(
    *, page_ids: Iterable[int], backends: list[SearchBackend] | None = None
) -> dict:
    """Make the index agree with the current public state of these pages.

    Public pages are (re)written from their live row, everything else is removed: a draft,
    a private or unpublished page, a deleted id. Idempotent, so retries and duplicate
    tasks are harmless; the order of tasks does not matter.
    """
    ids = {int(pk) for pk in page_ids}
    backends = write_backends() if backends is None else backends
    scope = None
    written: dict[str, list[dict]] = {}
    for chunk in chunks(sorted(ids)):
        # Only the kinds these pages are of (a section or a minutes page has none to build).
        for kind, kind_ids in ids_by_kind(chunk).items():
            if scope is None:
                scope = public_scope()
            documents = list(documents_build(kind=kind, ids=kind_ids, scope=scope))
            if documents:
                written.setdefault(kind, []).extend(documents)
    keep = {d["page_id"] for docs in written.values() for d in docs}
    removed = sorted(ids - keep)
    for backend in backends:
        for kind, documents in written.items():
            for chunk in chunks(documents, DOCUMENTS_PER_WRITE):
                backend.documents_write(kind=kind, documents=chunk)
        if removed:
            backend.documents_delete(page_ids=removed)
        backend.refresh()
    index_generation_bump()
    return {"written": len(keep), "removed": len(removed)}


def subtree_ids(*, root_id: int) -> list[int]:
    """A page, its descendants and, for a working group, the papers it co-authors."""
    root = Page.objects.filter(pk=root_id).only("path", "content_type").first()
    if root is None:
        return [root_id]
    ids = set(Page.objects.filter(path__startswith=root.path).values_list("pk", flat=True))
    if kind_of(root) == WORKING_GROUP:
        ids |= set(
            PositionPaperPage.objects.filter(co_working_groups=root_id).values_list("pk", flat=True)
        )
    return sorted(ids)


def index_reconcile(
    *,
    kinds: Iterable[str] = KINDS,
    within: set[int] | None = None,
    compare_content: bool = True,
    backends: list[SearchBackend] | None = None,
    progress: Callable[[str, int], object] | None = None,
) -> dict:
    """Repair drift both ways: add missing documents, remove extra ones, refresh stale ones.

    ``within`` limits the work to some page ids (a subtree); ``compare_content=False``
    only fixes membership (cheap: no documents are built for pages already indexed).
    """
    backends = write_backends() if backends is None else backends
    scope = public_scope()
    report: dict[str, dict] = {}
    for backend in backends:
        for kind in kinds:
            public = public_ids(kind=kind, scope=scope)
            indexed = backend.indexed_fingerprints(kind=kind)
            if within is not None:
                public &= within
                indexed = {pk: fp for pk, fp in indexed.items() if pk in within}
            missing = public - indexed.keys()
            extra = set(indexed) - public
            candidates = missing | (public & indexed.keys() if compare_content else set())
            bar = progress(f"{backend.name}/{kind}", len(candidates)) if progress else None
            stale = 0
            with bar if bar is not None else nullcontext():
                for chunk in chunks(sorted(candidates)):
                    documents = [
                        d
                        for d in documents_build(kind=kind, ids=chunk, scope=scope)
                        if indexed.get(d["page_id"]) != d["fingerprint"]
                    ]
                    stale += sum(1 for d in documents if d["page_id"] in indexed)
                    for part in chunks(documents, DOCUMENTS_PER_WRITE):
                        backend.documents_write(kind=kind, documents=part)
                    if bar is not None:
                        bar.update(len(chunk))
            if extra:
                backend.documents_delete(page_ids=sorted(extra))
            report[f"{backend.name}/{kind}"] = {
                "public": len(public),
                "indexed": len(indexed),
                "added": len(missing),
                "removed": len(extra),
                "refreshed": stale,
            }
        backend.refresh()
    index_generation_bump()
    return report


def index_setup(
    *,
    backends: list[SearchBackend] | None = None,
    progress: Callable[[str, int], object] | None = None,
) -> dict:
    """Create missing indices and aliases and fill them; safe to run at every deploy.

    After an update: an index built with an older mapping (fields, analysis) is built anew
    and swapped in; documents of an older shape (DOCUMENT_FORMAT) are renewed in place.
    """
    backends = write_backends() if backends is None else backends
    created = {}
    for backend in backends:
        names = backend.setup()
        created[backend.name] = names
    if any(created.values()):
        index_reconcile(backends=backends, compare_content=False)
    for backend in backends:
        outdated = backend.kinds_outdated()
        if outdated:
            index_rebuild(kinds=outdated, backends=[backend], progress=progress)
            created[backend.name] += [f"{kind} (neu aufgebaut)" for kind in outdated]
        stale = [kind for kind in KINDS if kind not in outdated and _format_outdated(backend, kind)]
        if stale:
            index_reconcile(kinds=stale, backends=[backend], progress=progress)
            created[backend.name] += [f"{kind} (erneuert)" for kind in stale]
    return created


def _format_outdated(backend: SearchBackend, kind: str) -> bool:
    """Whether the newest indexed document differs from one built now (DOCUMENT_FORMAT moved).

    One document stands for all: a release that changes the document shape changes every
    fingerprint. At worst the sample had an update pending, and reconciling costs time only.
    """
    indexed = backend.indexed_fingerprints(kind=kind)
    if not indexed:
        return False
    newest = max(indexed)
    fresh = next(documents_build(kind=kind, ids=[newest]), None)
    return fresh is not None and fresh["fingerprint"] != indexed[newest]


def _changed_since(started: datetime) -> set[int]:
    """Pages touched (published, unpublished, moved, deleted, restricted, …) since a time."""
    touched = set(
        PageLogEntry.objects.filter(timestamp__gte=started - timedelta(seconds=1)).values_list(
            "page_id", flat=True
        )
    )
    ids = set(touched)
    for root_id in touched:
        ids.update(subtree_ids(root_id=root_id))
    return ids


def index_rebuild(
    *,
    kinds: Iterable[str] = KINDS,
    backends: list[SearchBackend] | None = None,
    progress: Callable[[str, int], object] | None = None,
) -> dict:
    """Build every index anew and swap it in; then replay what changed meanwhile.

    Elasticsearch: a new physical index is filled by streaming bulk requests, the alias
    moves in one atomic step and the old index is dropped, so searches never see a half
    index. Changes published during the build went to the old index; they are replayed
    from Wagtail's page log right after the swap.
    """
    backends = write_backends() if backends is None else backends
    started = timezone.now()
    # Updates already owed to these backends: the new index is built from what they ask for.
    owed = _outbox_owed(backends) if set(kinds) >= set(KINDS) else {}
    report = {}
    scope = public_scope()
    for backend in backends:
        for kind in kinds:
            total = documents_count(kind=kind, scope=scope)
            bar = progress(f"{backend.name}/{kind}", total) if progress else None
            with (
                bar if bar is not None else nullcontext(),
                _documents_for_rebuild(kind=kind, scope=scope, total=total) as documents,
            ):
                result = backend.rebuild(
                    kind=kind,
                    documents=documents,
                    progress=bar.update if bar is not None else (lambda n: None),
                )
            report[f"{backend.name}/{kind}"] = result
    changed = _changed_since(started)
    if changed:
        index_pages_sync(page_ids=changed, backends=backends)
    report["replayed"] = len(changed)
    report["settled"] = _outbox_settle(owed)
    index_generation_bump()
    return report


@contextmanager
def _documents_for_rebuild(*, kind: str, scope: PublicScope, total: int) -> Iterator[Iterable]:
    """Every public document of a kind, in order; built by worker processes when worth it.

    The workers read committed rows with their own connections, so they are only used
    outside a transaction (a caller's uncommitted rows would be missing). The processes
    start here, before the backend's rebuild starts any thread of its own.
    """
    processes = os.cpu_count() or 1
    if (
        total < PARALLEL_BUILD_FROM
        or processes < 2
        or connection.vendor != "postgresql"
        or connection.in_atomic_block
    ):
        yield documents_build(kind=kind, scope=scope)
        return
    ids = sorted(public_ids(kind=kind, scope=scope))
    connections.close_all()  # a connection must not be shared with forked processes
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        yield _documents_from(pool, kind=kind, ids=ids, scope=scope, window=2 * processes)


def _documents_from(pool, *, kind: str, ids: list[int], scope: PublicScope, window: int):
    # A few batches ahead of the consumer, not all: the documents wait in memory.
    batches = chunks(ids)
    pending: deque = deque()
    for batch in islice(batches, window):
        pending.append(pool.apply_async(_documents_of, ((kind, batch, scope),)))
    while pending:
        documents = pending.popleft().get()
        for batch in islice(batches, 1):
            pending.append(pool.apply_async(_documents_of, ((kind, batch, scope),)))
        yield from documents


def _documents_of(task: tuple[str, list[int], PublicScope]) -> list[dict]:
    """In a worker process: the documents of these pages."""
    kind, ids, scope = task
    return list(documents_build(kind=kind, ids=ids, scope=scope))


def _outbox_owed(backends: list[SearchBackend]) -> dict[int, object]:
    """Outbox row id → change token, for the rows of these backends as committed now.

    Each row is written in the transaction of its page change, so a rebuild that starts
    reading after this has the change in the new index.
    """
    names = [backend.name for backend in backends]
    return dict(IndexUpdate.objects.filter(backend__in=names).values_list("pk", "change"))


def _outbox_settle(owed: dict[int, object]) -> int:
    """Delete the owed rows the rebuild covered; a row changed again meanwhile stays owed.

    Without this the worker would apply every update once more after a rebuild (after a
    bulk load: the whole index again, with the next editor's publish queued behind it).
    """
    settled = 0
    for chunk in chunks(sorted(owed), DOCUMENTS_PER_WRITE):
        # Change tokens are unique: a row re-recorded since carries a token not listed here.
        changes = [owed[pk] for pk in chunk]
        settled += IndexUpdate.objects.filter(pk__in=chunk, change__in=changes).delete()[0]
    return settled
