"""ETag, 304, Cache-Control and the server-side response cache with its invalidation."""

import importlib

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import override_settings
from wagtail.models import PageViewRestriction

from tests.api.conftest import get_json
from tests.factories import PositionPaperPageFactory
from workgroups.receivers import cache_table_ensure

pytestmark = pytest.mark.django_db

LIST = "/api/v1/papers/"


def test_etag_cache_control_and_304(client, world):
    first = client.get(LIST)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and len(etag) > 10
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(LIST, HTTP_IF_NONE_MATCH='"anders"').status_code == 200
    # Weak comparison, as RFC 9110 asks for If-None-Match.
    assert client.get(LIST, HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    detail = client.get("/api/v1/papers/papier-alpha/")
    assert detail["ETag"] != etag
    assert (
        client.get("/api/v1/papers/papier-alpha/", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code
        == 304
    )


def test_head_is_answered_like_get(client, world):
    response = client.head(LIST)
    assert response.status_code == 200 and response["ETag"]


def test_warm_cache_answers_without_queries(client, world, django_assert_num_queries):
    client.get(LIST)
    with django_assert_num_queries(0):
        assert client.get(LIST).status_code == 200


def _titles(client):
    return {paper["slug"]: paper["title"] for paper in get_json(client, LIST)["results"]}


def test_publish_is_visible_at_once(client, world, django_capture_on_commit_callbacks):
    assert "neu" not in _titles(client)
    with django_capture_on_commit_callbacks(execute=True):
        PositionPaperPageFactory(parent=world.software, slug="neu", title="Neu")
    assert "neu" in _titles(client)


def test_a_published_change_replaces_the_cached_answer(
    client, world, django_capture_on_commit_callbacks, django_assert_num_queries
):
    before = client.get(LIST)
    with django_capture_on_commit_callbacks(execute=True):
        world.alpha.title = "Alpha, überarbeitet"
        world.alpha.save_revision().publish()
    after = client.get(LIST, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert _titles(client)["papier-alpha"] == "Alpha, überarbeitet"
    with django_assert_num_queries(0):
        client.get(LIST)  # cached again under the new content version


def test_saving_a_draft_changes_nothing(client, world, django_capture_on_commit_callbacks):
    before = client.get(LIST)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        world.alpha.title = "Entwurf"
        world.alpha.save_revision()
    assert client.get(LIST, HTTP_IF_NONE_MATCH=before).status_code == 304


def test_unpublish_is_visible_at_once(client, world, django_capture_on_commit_callbacks):
    assert "papier-beta" in _titles(client)
    with django_capture_on_commit_callbacks(execute=True):
        world.beta.unpublish()
    assert "papier-beta" not in _titles(client)


def test_move_is_visible_at_once(client, world, django_capture_on_commit_callbacks):
    assert get_json(client, "/api/v1/papers/papier-alpha/")["url"].startswith(
        "/arbeitskreise/software/"
    )
    with django_capture_on_commit_callbacks(execute=True):
        world.alpha.move(world.security, pos="last-child")
    moved = get_json(client, "/api/v1/papers/papier-alpha/")
    assert moved["url"] == "/arbeitskreise/it-sicherheit/papier-alpha/"
    assert moved["working_groups"][0]["slug"] == "it-sicherheit"


def test_delete_is_visible_at_once(client, world, django_capture_on_commit_callbacks):
    client.get("/api/v1/papers/papier-beta/")
    with django_capture_on_commit_callbacks(execute=True):
        world.beta.delete()
    assert "papier-beta" not in _titles(client)
    assert client.get("/api/v1/papers/papier-beta/").status_code == 404


def test_privacy_changes_are_visible_at_once(client, world, django_capture_on_commit_callbacks):
    assert len(_titles(client)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=world.software, restriction_type=PageViewRestriction.LOGIN
        )
    assert _titles(client) == {}
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert len(_titles(client)) == 2


def test_snippet_changes_are_visible_at_once(client, world, django_capture_on_commit_callbacks):
    assert get_json(client, "/api/v1/addressees/")["results"][0]["name"].startswith("Bundes")
    with django_capture_on_commit_callbacks(execute=True):
        world.addressee.name = "Umbenanntes Ministerium"
        world.addressee.save()
    names = [a["name"] for a in get_json(client, "/api/v1/addressees/")["results"]]
    assert "Umbenanntes Ministerium" in names


def test_uncommitted_changes_are_neither_served_stale_nor_cached(client, world):
    client.get(LIST)  # warm
    with transaction.atomic():
        PositionPaperPageFactory(parent=world.software, slug="offen", title="Offen")
        # Same thread, same transaction: sees its own change, bypassing the cache.
        assert "offen" in _titles(client)
        transaction.set_rollback(True)
    assert "offen" not in _titles(client)


def test_production_cache_is_shared_between_processes(monkeypatch):
    monkeypatch.delenv("CACHE_URL", raising=False)
    base = importlib.import_module("cms.settings.base")
    importlib.reload(base)
    assert base.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    monkeypatch.setenv("CACHE_URL", "redis://cache.example:6379/1")
    importlib.reload(base)
    assert base.CACHES["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.example:6379/1",
    }
    monkeypatch.setenv("CACHE_URL", "file:///var/cache/sprachrohr")
    importlib.reload(base)
    assert base.CACHES["default"]["LOCATION"] == "/var/cache/sprachrohr"
    monkeypatch.delenv("CACHE_URL")
    importlib.reload(base)


DB_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "sprachrohr_cache_test",
    }
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_api_cache_works_on_the_database_cache(client, world):
    with override_settings(CACHES=DB_CACHE):
        cache_table_ensure(sender=None)
        assert "sprachrohr_cache_test" in connection.introspection.table_names()
        cache.clear()
        first = client.get(LIST)
        with CaptureTables() as tables:
            second = client.get(LIST)
        assert second.content == first.content and second["ETag"] == first["ETag"]
        # Served from the shared table: no query touched the page tables (the anonymous
        # throttle counts the request in its own row).
        assert tables.touched and tables.touched <= {"sprachrohr_cache_test", "cms_requestcounter"}
        # A publish elsewhere replaces the version in the shared table.
        PositionPaperPageFactory(parent=world.software, slug="neu-db", title="Neu")
        assert "neu-db" in {p["slug"] for p in client.get(LIST).json()["results"]}
        cache.clear()


class CaptureTables:
    """The tables that queries touched while active."""

    def __enter__(self):
        from django.test.utils import CaptureQueriesContext

        self.context = CaptureQueriesContext(connection)
        self.context.__enter__()
        return self

    def __exit__(self, *exc):
        self.context.__exit__(*exc)
        import re

        self.touched = set()
        for query in self.context.captured_queries:
            # "ON CONFLICT … DO UPDATE SET" names no table (the throttle's upsert).
            sql = query["sql"]
            self.touched |= set(re.findall(r'(?:FROM|INTO|(?<!DO )UPDATE)\s+"?(\w+)"?', sql))
        self.touched -= {"SELECT"}
