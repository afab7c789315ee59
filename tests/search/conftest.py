"""Search fixtures: a fresh Elasticsearch index set per test, the backend parameter, papers."""

import contextlib
import datetime as dt
import itertools
import os
import uuid

import pytest
from wagtail.rich_text import RichText

from tests.conftest import require_service
from tests.factories import PositionPaperPageFactory

RUN_ID = uuid.uuid4().hex[:8]
_counter = itertools.count()


@pytest.fixture(autouse=True)
def fresh_cache():
    # Throttle counters live in the (locmem) cache: every test starts with none.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def es_url():
    return require_service("Elasticsearch", "TEST_ELASTICSEARCH_URL")


@pytest.fixture(scope="session", autouse=True)
def _drop_run_indices():
    """Whatever a crashed test left behind of this run is deleted at the end."""
    yield
    url = os.environ.get("TEST_ELASTICSEARCH_URL")
    if url:
        from elasticsearch import Elasticsearch

        # The node may be gone already (the run is over); nothing to clean then.
        with contextlib.suppress(Exception):
            Elasticsearch(url, request_timeout=10).indices.delete(
                index=f"test-{RUN_ID}-*", ignore_unavailable=True, allow_no_indices=True
            )


def index_prefix(worker_id: str = "master") -> str:
    """Unique per run, per xdist worker and per test: no test sees another's documents."""
    return f"test-{RUN_ID}-{worker_id}-{next(_counter)}".lower()


@pytest.fixture
def elasticsearch(settings, es_url, request):
    """Elasticsearch as the active backend with fresh, empty indices (dropped afterwards)."""
    from search.backends.elasticsearch import ElasticsearchBackend

    worker = getattr(request.config, "workerinput", {}).get("workerid", "master")
    prefix = index_prefix(worker)
    settings.ELASTICSEARCH_URL = es_url
    settings.SEARCH_INDEX_PREFIX = prefix
    settings.SEARCH_ES_REFRESH = True
    # No silent fallback to the database: an Elasticsearch failure must fail the test.
    settings.SEARCH_DATABASE_FALLBACK = False
    backend = ElasticsearchBackend(es_url)
    backend.setup()
    yield backend
    backend.indexing_client.indices.delete(
        index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True
    )


@pytest.fixture
def database_search(settings):
    """The embedded default: no Elasticsearch configured."""
    from search.backends import database_backend

    settings.ELASTICSEARCH_URL = None
    return database_backend()


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def search_engine(request):
    """Runs a test once on the database backend and once on real Elasticsearch."""
    if request.param == "elasticsearch":
        return request.getfixturevalue("elasticsearch")
    return request.getfixturevalue("database_search")


def body(*paragraphs: str) -> list:
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


_slugs = itertools.count()


@pytest.fixture
def make_paper(group_software):
    """Publish a paper (through a revision, so the publish signals fire)."""

    def make(title: str, *, text: str = "", parent=None, **fields):
        fields.setdefault("summary", "Eine Zusammenfassung.")
        fields.setdefault("verdict", "Kurz gesagt.")
        fields.setdefault("publication_date", dt.date(2025, 3, 1))
        return PositionPaperPageFactory(
            parent=parent or group_software,
            title=title,
            slug=f"papier-{next(_slugs)}",
            body=body(text) if text else [],
            **fields,
        )

    return make
