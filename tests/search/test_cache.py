"""Cached search answers: shared between requests, never hiding a change of the index."""

import pytest

from cms.versions import index_generation_bump
from search.indexing import index_pages_sync
from tests.conftest import DATABASE_TASKS
from tests.search.test_durable import WorkerThread, wait_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def hits(client, q: str) -> tuple[int, str]:
    response = client.get("/api/v1/search/", {"q": q})
    assert response.status_code == 200, response.content
    return response.json()["count"], response["ETag"]


def test_an_answer_is_served_from_the_cache_until_the_index_generation_changes(
    search_engine, client, make_paper
):
    paper = make_paper("Wärmepumpen im Rechenzentrum")
    index_pages_sync(page_ids=[paper.pk])
    assert hits(client, "Wärmepumpen")[0] == 1

    # Behind the cache's back (no generation change) the index loses the paper: the
    # cached answer is still served …
    search_engine.documents_delete(page_ids=[paper.pk])
    assert hits(client, "Wärmepumpen")[0] == 1
    # … until the index generation changes, as every write through search/indexing does.
    index_generation_bump()
    assert hits(client, "Wärmepumpen")[0] == 0


# A worker thread writing next to the test's reads needs a real server database (the
# in-memory SQLite of the test run locks its schema for the other connection).
@pytest.mark.postgres
def test_a_paper_published_after_an_answer_was_cached_is_found_once_indexed(
    search_engine, settings, client, make_paper
):
    settings.TASKS = DATABASE_TASKS
    # As in production: no refresh per bulk request; the worker refreshes after its writes.
    settings.SEARCH_ES_REFRESH = False
    make_paper("Neue Seekuh")  # its index update waits in the queue: no worker runs yet
    # Cached under the new content version, but from the index as it was before the update.
    assert hits(client, "Seekuh")[0] == 0
    with WorkerThread():
        wait_for(lambda: hits(client, "Seekuh")[0] == 1, timeout=30)


def test_no_cache_when_turned_off(search_engine, settings, client, make_paper):
    settings.SEARCH_CACHE_SECONDS = 0
    paper = make_paper("Wärmepumpen im Rechenzentrum")
    index_pages_sync(page_ids=[paper.pk])
    assert hits(client, "Wärmepumpen")[0] == 1
    search_engine.documents_delete(page_ids=[paper.pk])
    assert hits(client, "Wärmepumpen")[0] == 0
