"""No lost updates: publishing while Elasticsearch is down is indexed once it is back, by itself."""

import threading
import time

import pytest
from django.db import connections

from search.backends.base import SearchRequest
from search.backends.elasticsearch import ElasticsearchBackend
from search.query import query_parse
from tests.conftest import DATABASE_TASKS
from tests.search.conftest import index_prefix


class WorkerThread:
    """The real django_tasks_db worker loop (what `manage.py db_worker` runs) in a thread.

    `call_command("db_worker")` installs signal handlers, which only the main thread may
    do; the Worker class it runs is used directly instead.
    """

    def __init__(self):
        from django_tasks_db.management.commands.db_worker import Worker

        self.worker = Worker(
            queue_names=["default"],
            interval=0.2,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"test-{time.monotonic_ns()}",
            excluded_queue_names=[],
        )
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            self.worker.run()
        finally:
            connections.close_all()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.worker.running = False
        self.thread.join(timeout=60)
        assert not self.thread.is_alive()


def wait_for(check, *, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return time.monotonic() - started
        time.sleep(0.25)
    raise AssertionError(f"not within {timeout} s")


@pytest.fixture
def paused_node(es_url):
    """A dedicated node this test may freeze (SIGSTOP) without disturbing other tests."""
    from tests.services.elasticsearch import elasticsearch_start

    node = elasticsearch_start(heap="256m")
    yield node
    node.resume()
    node.stop()


@pytest.mark.elasticsearch
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_while_elasticsearch_is_down_loses_nothing(
    paused_node, settings, make_paper, group_software
):
    from search.models import IndexUpdate

    settings.TASKS = DATABASE_TASKS
    settings.ELASTICSEARCH_URL = paused_node.url
    settings.SEARCH_INDEX_PREFIX = index_prefix()
    settings.SEARCH_ES_INDEXING_TIMEOUT = 3
    settings.SEARCH_RETRY_MAX_DELAY = 2
    backend = ElasticsearchBackend(paused_node.url)
    backend.setup()

    def titles(q):
        return {h.texts["title"] for h in backend.search(SearchRequest(query=query_parse(q))).hits}

    def owed_to_elasticsearch():
        return IndexUpdate.objects.filter(backend="elasticsearch")

    old = make_paper("Alte Seekuh")
    with WorkerThread():
        wait_for(lambda: titles("Seekuh") == {"Alte Seekuh"}, timeout=30)
    assert not IndexUpdate.objects.exists()

    paused_node.pause()
    new = make_paper("Neue Seekuh")  # the editor publishes while Elasticsearch hangs …
    for n in range(3):  # … several times …
        new.summary = f"Fassung {n}"
        new.save_revision().publish()
    old.unpublish()  # … and takes another paper offline
    # One owed update per page and backend, however often it changed.
    owed = sorted(owed_to_elasticsearch().values_list("page_id", flat=True))
    assert owed == sorted([old.pk, new.pk])
    with WorkerThread():
        # The worker tries, fails (a hung node: the short health check times out) and
        # waits with backoff; the updates stay owed, none is given up.
        wait_for(lambda: owed_to_elasticsearch().filter(attempts__gte=2).count() == 2, timeout=60)
        assert not owed_to_elasticsearch().filter(state=IndexUpdate.State.FAILED).exists()
        paused_node.resume()
        recovered = wait_for(lambda: titles("Seekuh") == {"Neue Seekuh"}, timeout=60)
        wait_for(lambda: not IndexUpdate.objects.exists(), timeout=30)
    # Backoff capped at 2 s plus one attempt: found again within seconds, by itself.
    assert recovered < 30, recovered
    print(f"searchable {recovered:.1f} s after Elasticsearch came back")
