"""Liveness (/healthz) and readiness (/readyz) endpoints with JSON bodies."""

import time

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """The process answers: nothing else is checked (a restart would not help otherwise)."""
    return JsonResponse({"status": "ok"})


def _check_database() -> dict:
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - report every failure, never raise
        return {"ok": False, "vendor": connection.vendor, "error": str(exc)[:200]}
    return {
        "ok": True,
        "vendor": connection.vendor,
        "ms": round((time.monotonic() - started) * 1000, 1),
    }


def _check_search() -> dict:
    from search.backends import fallback_backend, search_backend

    backend = search_backend()
    started = time.monotonic()
    reachable = backend.ping()
    fallback = fallback_backend()
    return {
        "backend": backend.name,
        "reachable": reachable,
        "ms": round((time.monotonic() - started) * 1000, 1),
        # While Elasticsearch is unreachable, searches are answered from the database.
        "fallback": fallback.name if fallback is not None else None,
        "serving": backend.name if reachable else (fallback.name if fallback else None),
    }


def _check_tasks() -> dict:
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    backend = task_backends["default"]
    facts = {"backend": type(backend).__name__, "backlog": None}
    if not isinstance(backend, DatabaseBackend):
        return facts
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    try:
        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        ready = waiting.ready()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        # Per queue: a stopped PDF worker shows as a growing "print" backlog.
        per_queue = dict(
            ready.order_by()
            .values_list("queue_name")
            .annotate(n=Count("pk"))
            .values_list("queue_name", "n")
        )
        facts.update(
            backlog=sum(per_queue.values()),
            queues={name: per_queue.get(name, 0) for name in sorted(backend.queues)},
            deferred=waiting.count() - sum(per_queue.values()),
            oldest_seconds=round((timezone.now() - oldest).total_seconds(), 1) if oldest else None,
        )
    except Exception as exc:  # noqa: BLE001
        facts["error"] = str(exc)[:200]
    return facts


def _check_index() -> dict:
    """The outbox of index updates: what waits, and what was given up (needs a replay)."""
    from search.outbox import index_updates_summary

    try:
        return index_updates_summary()
    except Exception as exc:  # noqa: BLE001
        return {"pending": None, "failed": None, "error": str(exc)[:200]}


@never_cache
@require_GET
def readyz(request):
    """Ready to serve: database up and a search backend that answers (or its fallback).

    503 when the database is down or no search backend can serve; the body says why.
    "degraded" (still 200): Elasticsearch is away and the database answers searches, or
    index updates were given up and wait for `search_index replay`.
    """
    database = _check_database()
    search = _check_search() if database["ok"] or settings.ELASTICSEARCH_URL else None
    tasks = _check_tasks() if database["ok"] else {"backlog": None}
    index = _check_index() if database["ok"] else {"pending": None, "failed": None}
    search_ok = bool(search and search["serving"])
    if search and search["serving"] == "database" and not database["ok"]:
        search_ok = False
    ok = database["ok"] and search_ok
    degraded = ok and ((search is not None and not search["reachable"]) or bool(index["failed"]))
    body = {
        "status": "degraded" if degraded else ("ok" if ok else "unavailable"),
        "checks": {"database": database, "search": search, "tasks": tasks, "index": index},
    }
    return JsonResponse(body, status=200 if ok else 503)
