"""/healthz and /readyz: which search backend serves, whether it answers, the task backlog."""

import pytest
from django.test import Client

from tests.conftest import DATABASE_TASKS

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"  # discard port: nothing listens, connections are refused


def test_healthz_is_always_ok():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_with_the_database_backend(database_search):
    response = Client().get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    search = body["checks"]["search"]
    assert (search["backend"], search["reachable"], search["serving"]) == (
        "database",
        True,
        "database",
    )


@pytest.mark.elasticsearch
def test_readyz_with_elasticsearch(elasticsearch):
    search = Client().get("/readyz").json()["checks"]["search"]
    assert (search["backend"], search["reachable"], search["serving"]) == (
        "elasticsearch",
        True,
        "elasticsearch",
    )


def test_readyz_when_elasticsearch_is_unreachable(settings):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    response = Client().get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["reachable"] is False
    assert body["checks"]["search"]["serving"] == "database"

    settings.SEARCH_DATABASE_FALLBACK = False
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_readyz_counts_the_task_backlog(settings, make_paper):
    settings.TASKS = DATABASE_TASKS
    make_paper("Wartet auf den Worker")
    tasks = Client().get("/readyz").json()["checks"]["tasks"]
    assert tasks["backend"] == "DatabaseBackend"
    assert tasks["backlog"] >= 1
    assert tasks["oldest_seconds"] is not None


def test_readyz_counts_the_backlog_per_queue(settings, make_paper):
    # A stopped PDF worker must show: its queue's backlog is reported apart.
    settings.TASKS = DATABASE_TASKS
    settings.PRINTING_ON_PUBLISH = True
    make_paper("Wartet auf beide Worker")
    tasks = Client().get("/readyz").json()["checks"]["tasks"]
    assert tasks["queues"]["print"] == 1
    assert tasks["queues"]["default"] >= 1  # the index update
    assert tasks["backlog"] == sum(tasks["queues"].values())


def test_search_falls_back_to_the_database_while_elasticsearch_is_down(settings, make_paper):
    make_paper("Notfallsuche")
    settings.ELASTICSEARCH_URL = UNREACHABLE
    response = Client().get("/api/v1/search/", {"q": "Notfallsuche"})
    assert response.status_code == 200
    assert response["X-Search-Backend"] == "database"
    assert [r["title"] for r in response.json()["results"]] == ["Notfallsuche"]


def test_without_fallback_an_unreachable_elasticsearch_is_a_503_problem(settings):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    settings.SEARCH_DATABASE_FALLBACK = False
    for url in ("/api/v1/search/", "/api/v1/search/suggest/"):
        response = Client().get(url, {"q": "Cloud"})
        assert response.status_code == 503
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 503


def test_readyz_counts_owed_index_updates(settings, make_paper):
    settings.TASKS = DATABASE_TASKS
    make_paper("Wartet auf den Index")
    body = Client().get("/readyz").json()
    # Waiting is normal (the worker is a moment behind); only given-up updates degrade.
    assert body["status"] == "ok"
    assert body["checks"]["index"]["pending"] >= 1
    assert body["checks"]["index"]["failed"] == 0
    assert body["checks"]["index"]["oldest_pending_seconds"] is not None
