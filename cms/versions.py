"""Version tokens that key every cached public answer: the content version and the index generation."""

import hashlib
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

T = TypeVar("T")

CONTENT_VERSION_KEY = "sprachrohr:content-version"
GENERATION_KEY = "sprachrohr:search:generation"
# How long the successor of a version (after an expiry) is remembered; it can be derived again.
_SUCCESSOR_SECONDS = 24 * 3600


def version_token(key: str) -> str:
    """The current value of a plain version token (created on first use)."""
    version = cache.get(key)
    if version is None:
        # A random value (not a counter): if the key is ever evicted, no old entry can match.
        cache.add(key, uuid.uuid4().hex, timeout=None)
        version = cache.get(key) or uuid.uuid4().hex
    return version


def version_token_replace(key: str) -> None:
    cache.set(key, uuid.uuid4().hex, timeout=None)


def content_expiry_next(*, after: datetime) -> datetime | None:
    """The next moment after ``after`` at which a live page expires (and leaves the site)."""
    from wagtail.models import Page

    return (
        Page.objects.filter(live=True, expire_at__gt=after)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )


def content_version() -> str:
    """The current content version; cached API and search answers are keyed by it.

    Publish-side changes replace it (``content_version_bump``). Besides, it moves on by
    itself the moment a live page expires: an expired page is no longer public, whether or
    not the scheduler has unpublished it yet, so nothing cached before may be served after.
    """
    entry = cache.get(CONTENT_VERSION_KEY)
    if not isinstance(entry, tuple):
        cache.add(CONTENT_VERSION_KEY, _fresh(), timeout=None)
        entry = cache.get(CONTENT_VERSION_KEY) or _fresh()
    token, expiry = entry
    now = timezone.now()
    if expiry is None or now < expiry:
        return token
    # Every process derives the same successors from the same (token, expiry), so they agree
    # without writing the main key (a write here could undo a concurrent bump). The chain is
    # remembered under its start token only to save the lookups.
    successor_key = f"{CONTENT_VERSION_KEY}:{token}"
    token, expiry = cache.get(successor_key) or (token, expiry)
    while expiry is not None and expiry <= now:
        token = hashlib.sha256(f"{token}|{expiry.isoformat()}".encode()).hexdigest()[:32]
        expiry = content_expiry_next(after=expiry)
    cache.set(successor_key, (token, expiry), timeout=_SUCCESSOR_SECONDS)
    return token


def version_cached(key: str, build: Callable[[], T]) -> T:
    """A value cached under a key that names its version (``build()`` when missing).

    The key carries the version, so an entry is never stale: a new version is a new key.
    """
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.API_RESPONSE_CACHE_SECONDS)
    return value


def content_version_bump() -> None:
    """Invalidate every cached public answer at once (publish, unpublish, move, delete, …)."""
    cache.set(CONTENT_VERSION_KEY, _fresh(), timeout=None)


def _fresh() -> tuple[str, datetime | None]:
    return uuid.uuid4().hex, content_expiry_next(after=timezone.now())


def index_generation() -> str:
    """The index generation: replaced after every committed write to a search index.

    Publishing replaces the content version at once, but the index follows through the
    queue a moment later; cached search answers carry both, so none cached in between
    outlives the index update (on Elasticsearch the writer refreshes before it commits).
    """
    return version_token(GENERATION_KEY)


def index_generation_bump() -> None:
    transaction.on_commit(lambda: version_token_replace(GENERATION_KEY))
