"""The anonymous budget: counted atomically in the shared cache or a database row, under load."""

import datetime as dt
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from cms.models import RequestCounter
from cms.throttle import Rate, counter_hit, rate_parse

DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "sprachrohr_cache_test",
    }
}


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        ("600/min", Rate(600, 60)),
        ("10/s", Rate(10, 1)),
        ("5/hour", Rate(5, 3600)),
        ("1/d", Rate(1, 86400)),
    ],
)
def test_rates_are_read_like_drf(rate, expected):
    assert rate_parse(rate) == expected


def test_the_local_memory_cache_counts_and_starts_a_new_window():
    caches["default"].clear()
    assert [counter_hit(key="a", window=60).count for _ in range(3)] == [1, 2, 3]
    assert counter_hit(key="b", window=60).count == 1
    assert 55 <= counter_hit(key="a", window=60).retry_after <= 60
    caches["default"].delete_many(["sprachrohr:throttle:a", "sprachrohr:throttle:a:ends"])
    assert counter_hit(key="a", window=60).count == 1


@pytest.mark.django_db
@override_settings(CACHES=DATABASE_CACHE)
def test_with_the_database_cache_a_counter_row_counts():
    assert [counter_hit(key="anon:10.0.0.1", window=60).count for _ in range(3)] == [1, 2, 3]
    row = RequestCounter.objects.get(key="anon:10.0.0.1")
    assert row.count == 3
    assert 55 <= counter_hit(key="anon:10.0.0.1", window=60).retry_after <= 60
    # Once the window has ended the next request starts a new one.
    RequestCounter.objects.filter(pk=row.pk).update(window_ends=timezone.now())
    counted = counter_hit(key="anon:10.0.0.1", window=60)
    assert counted.count == 1 and counted.retry_after == 60


@pytest.mark.django_db
@override_settings(CACHES=DATABASE_CACHE)
def test_a_new_client_clears_rows_whose_window_ended_long_ago():
    long_ago = timezone.now() - dt.timedelta(hours=2)
    RequestCounter.objects.create(key="anon:alt", count=9, window_ends=long_ago)
    RequestCounter.objects.create(key="anon:frisch", count=2, window_ends=timezone.now())
    counter_hit(key="anon:neu", window=60)
    assert set(RequestCounter.objects.values_list("key", flat=True)) == {"anon:frisch", "anon:neu"}


@pytest.mark.django_db
@override_settings(CACHES=DATABASE_CACHE, THROTTLE_ANON_RATE="2/min")
def test_the_middleware_answers_429_from_the_database_counter(client):
    call_command("createcachetable", verbosity=0)
    statuses = [client.get("/api/v1/gibt-es-nicht/").status_code for _ in range(3)]
    assert statuses == [404, 404, 429]


def _get(url: str, forwarded_for: str) -> int:
    request = urllib.request.Request(url, headers={"X-Forwarded-For": forwarded_for})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_requests_on_postgresql_never_exceed_the_budget(live_server, settings):
    """400 requests from 12 threads against a live server, as one client behind Caddy.

    Each request claims another address on the left of X-Forwarded-For; the trusted proxy's
    entry names the same client. With the database cache (the default) exactly the budget
    passes.
    """
    settings.CACHES = DATABASE_CACHE
    settings.TRUSTED_PROXY_COUNT = 1
    settings.THROTTLE_ANON_RATE = "50/hour"
    call_command("createcachetable", verbosity=0)
    url = f"{live_server.url}/api/v1/papers/?page_size=1"
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(
            pool.map(lambda i: _get(url, f"198.51.100.{i % 250}, 203.0.113.9"), range(400))
        )
    assert set(statuses) <= {200, 429}, sorted(set(statuses))
    assert statuses.count(200) == 50
    assert RequestCounter.objects.get(key="anon:203.0.113.9").count == 400
