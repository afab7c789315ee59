"""Anonymous request budget per client address for the API, the feeds and the documents."""

import datetime as dt
import math
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.memcached import BaseMemcachedCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.api import problem_response
from cms.net import client_ip

# Backends whose incr() is one atomic operation; the database and file caches read and
# write back, so concurrent requests would lose counts there.
ATOMIC_CACHES = (LocMemCache, BaseMemcachedCache, RedisCache)
KEY_PREFIX = "sprachrohr:throttle:"
# Counter rows whose window ended this long ago are deleted when a new client appears.
STALE_ROWS_AFTER = dt.timedelta(hours=1)
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class Rate(NamedTuple):
    """A budget: so many requests per so many seconds."""

    requests: int
    seconds: int


def rate_parse(rate: str) -> Rate:
    """``"600/min"`` → Rate(600, 60); the period's first letter counts (s, m, h, d), as in DRF."""
    number, _sep, period = rate.partition("/")
    return Rate(int(number), _PERIODS[period.strip()[:1].lower()])


class Hit(NamedTuple):
    """The count of a window after this request, and the seconds until the window ends."""

    count: int
    retry_after: int


def counter_hit(*, key: str, window: int) -> Hit:
    """Count one request under ``key``; a window starts with a key's first request."""
    backend = caches["default"]
    if isinstance(backend, ATOMIC_CACHES):
        return _hit_cache(backend, key, window)
    return _hit_database(key, window)


def _hit_cache(cache, key: str, window: int) -> Hit:
    key = KEY_PREFIX + key
    ends_key = f"{key}:ends"
    cache.add(ends_key, time.time() + window, window)
    for _attempt in range(3):
        cache.add(key, 0, window)
        try:
            count = cache.incr(key)
            break
        except ValueError:
            # The window expired between add() and incr(): start the next one.
            continue
    else:  # pragma: no cover - three expiries in a row would need a clock jump
        count = 1
    ends = cache.get(ends_key) or time.time() + window
    return Hit(count, max(1, math.ceil(ends - time.time())))


def _hit_database(key: str, window: int) -> Hit:
    from cms.models import RequestCounter

    now = timezone.now()
    ends = now + dt.timedelta(seconds=window)
    table, key_col, count_col, ends_col = (
        connection.ops.quote_name(name)
        for name in (RequestCounter._meta.db_table, "key", "count", "window_ends")
    )
    # One statement adds the request or starts a new window and reads the count back, on
    # PostgreSQL and SQLite alike: the upsert locks the row, so concurrent increments wait
    # for each other and each reads its own count (one round trip instead of four).
    sql = (
        f"INSERT INTO {table} ({key_col}, {count_col}, {ends_col}) VALUES (%s, 1, %s) "
        f"ON CONFLICT ({key_col}) DO UPDATE SET "
        f"{count_col} = CASE WHEN {table}.{ends_col} <= %s THEN 1 "
        f"ELSE {table}.{count_col} + 1 END, "
        f"{ends_col} = CASE WHEN {table}.{ends_col} <= %s "
        f"THEN excluded.{ends_col} ELSE {table}.{ends_col} END "
        f"RETURNING {count_col}, {ends_col}"
    )
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, adapt(ends), adapt(now), adapt(now)])
        count, window_ends = cursor.fetchone()
    if count == 1:
        # A new client or a new window: rows whose window ended long ago go.
        RequestCounter.objects.filter(window_ends__lt=now - STALE_ROWS_AFTER).delete()
    return Hit(count, max(1, math.ceil((_aware(window_ends) - now).total_seconds())))


def _aware(value: dt.datetime | str) -> dt.datetime:
    # SQLite hands a raw RETURNING value back as text, in UTC.
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if timezone.is_aware(value) else value.replace(tzinfo=dt.UTC)


class AnonymousThrottleMiddleware:
    """429 problem+json once an anonymous client has spent its budget under the throttled paths.

    Runs before the views and their response cache, so cached answers count too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(settings.THROTTLE_PATH_PREFIXES) and not getattr(
            request.user, "is_authenticated", False
        ):
            rate = rate_parse(settings.THROTTLE_ANON_RATE)
            counted = counter_hit(key=f"anon:{client_ip(request)}", window=rate.seconds)
            if counted.count > rate.requests:
                return self.too_many(request, counted.retry_after)
        return self.get_response(request)

    @staticmethod
    def too_many(request, retry_after: int):
        response = problem_response(
            request,
            429,
            _("Zu viele Anfragen; bitte in %(seconds)s Sekunden erneut versuchen.")
            % {"seconds": retry_after},
            code="zu-viele-anfragen",
        )
        response["Retry-After"] = str(retry_after)
        return response
