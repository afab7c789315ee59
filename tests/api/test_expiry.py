"""A page whose expiry has come is non-public at once on every route, cached answers included.

The scheduler (``publish_scheduled``) never runs here: the clock moves past the expiry and
every route must drop the page by itself, with the response and search caches on.
"""

import datetime as dt

import pytest
from django.utils import timezone

from tests.api.conftest import get_json
from tests.search.conftest import (  # noqa: F401 - fixtures
    _drop_run_indices,
    database_search,
    elasticsearch,
    es_url,
    search_engine,
)

pytestmark = pytest.mark.django_db

BETA_PATH = "/arbeitskreise/software/papier-beta/"


@pytest.fixture
def cached(settings):
    settings.API_RESPONSE_CACHE_SECONDS = 300
    settings.SEARCH_CACHE_SECONDS = 300


@pytest.fixture
def clock(monkeypatch):
    """Moves the clock for everything that asks ``django.utils.timezone.now``."""

    class Clock:
        def move(self, to: dt.datetime) -> None:
            monkeypatch.setattr(timezone, "now", lambda: to)

    return Clock()


def public_view(client) -> dict:
    """What every public route says about the papers (search only where the index is set)."""
    search = get_json(client, "/api/v1/search/?q=Papier&page_size=50")
    return {
        "list": sorted(p["slug"] for p in get_json(client, "/api/v1/papers/")["results"]),
        "detail": client.get("/api/v1/papers/papier-beta/").status_code,
        "by_path": client.get("/api/v1/pages/by-path/", {"path": BETA_PATH}).status_code,
        "group_counts": {
            slug: get_json(client, f"/api/v1/working-groups/{slug}/")["paper_count"]
            for slug in ("software", "it-sicherheit")
        },
        "group_list_counts": {
            g["slug"]: g["paper_count"]
            for g in get_json(client, "/api/v1/working-groups/")["results"]
        },
        "tag_counts": {
            t["slug"]: t["paper_count"] for t in get_json(client, "/api/v1/tags/")["results"]
        },
        "feed": client.get("/feeds/papers.atom").content.decode().count("<entry>"),
        "search": sorted(r["slug"] for r in search["results"]),
        "search_count": search["count"],
        "search_groups": {e["value"]: e["count"] for e in search["facets"]["working_group"]},
        "suggest": sorted(
            s["text"]
            for s in get_json(client, "/api/v1/search/suggest/?q=Papier")["results"]
            if s["kind"] == "paper"
        ),
    }


BEFORE = {
    "list": ["papier-alpha", "papier-beta"],
    "detail": 200,
    "by_path": 200,
    "group_counts": {"software": 2, "it-sicherheit": 1},
    "group_list_counts": {"software": 2, "it-sicherheit": 1},
    "tag_counts": {"datenschutz": 2, "cloud": 1},
    "feed": 2,
    "search": ["papier-alpha", "papier-beta"],
    "search_count": 2,
    "search_groups": {"software": 2, "it-sicherheit": 1},
    "suggest": ["Papier Alpha", "Papier Beta"],
}
AFTER_BETA = {
    "list": ["papier-alpha"],
    "detail": 404,
    "by_path": 404,
    "group_counts": {"software": 1, "it-sicherheit": 0},
    "group_list_counts": {"software": 1, "it-sicherheit": 0},
    "tag_counts": {"datenschutz": 1, "cloud": 1},
    "feed": 1,
    "search": ["papier-alpha"],
    "search_count": 1,
    "search_groups": {"software": 1},
    "suggest": ["Papier Alpha"],
}


def expire(page, at, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        page.expire_at = at
        page.save_revision().publish()


@pytest.mark.usefixtures("search_engine")
def test_an_expired_paper_leaves_every_route_at_once(
    world, cached, clock, client, django_capture_on_commit_callbacks
):
    expire_at = timezone.now() + dt.timedelta(hours=1)
    expire(world.beta, expire_at, django_capture_on_commit_callbacks)
    assert public_view(client) == BEFORE
    assert public_view(client) == BEFORE  # now from the caches

    clock.move(expire_at + dt.timedelta(seconds=1))

    assert public_view(client) == AFTER_BETA
    world.beta.refresh_from_db()
    assert world.beta.live  # nobody ran the scheduler


@pytest.mark.usefixtures("search_engine")
def test_an_expired_section_takes_everything_below_with_it(
    world, cached, clock, client, django_capture_on_commit_callbacks
):
    expire_at = timezone.now() + dt.timedelta(hours=1)
    expire(world.software, expire_at, django_capture_on_commit_callbacks)
    assert public_view(client) == BEFORE

    clock.move(expire_at)  # "expire_at <= now": gone at the very moment

    assert get_json(client, "/api/v1/papers/")["results"] == []
    assert client.get("/api/v1/working-groups/software/").status_code == 404
    assert client.get("/api/v1/pages/by-path/", {"path": BETA_PATH}).status_code == 404
    assert get_json(client, "/api/v1/search/?q=Papier")["count"] == 0
    assert get_json(client, "/api/v1/search/suggest/?q=Papier")["results"] == []


def test_the_cached_scope_and_answers_survive_until_the_expiry(
    world, cached, clock, client, django_capture_on_commit_callbacks, django_assert_num_queries
):
    expire_at = timezone.now() + dt.timedelta(hours=1)
    expire(world.beta, expire_at, django_capture_on_commit_callbacks)
    client.get("/api/v1/papers/")
    clock.move(expire_at - dt.timedelta(seconds=1))
    with django_assert_num_queries(0):
        client.get("/api/v1/papers/")  # a second before: still served from the cache
    clock.move(expire_at + dt.timedelta(seconds=1))
    assert [p["slug"] for p in get_json(client, "/api/v1/papers/")["results"]] == ["papier-alpha"]
