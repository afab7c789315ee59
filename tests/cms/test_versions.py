"""The content version: replaced by a bump, moved on by an expiry, the same in every process."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from cms.versions import CONTENT_VERSION_KEY, content_version, content_version_bump
from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_the_version_moves_on_at_each_expiry_and_every_process_agrees(monkeypatch, group_software):
    start = timezone.now()
    first, second = start + dt.timedelta(hours=1), start + dt.timedelta(hours=2)
    for slug, expire_at in (("eins", first), ("zwei", second)):
        paper = PositionPaperPageFactory(parent=group_software, slug=slug)
        paper.expire_at = expire_at
        paper.save_revision().publish()
    content_version_bump()  # as after the commit of those publishes
    before = content_version()

    at(monkeypatch, first - dt.timedelta(seconds=1))
    assert content_version() == before
    at(monkeypatch, first)
    after_first = content_version()
    assert after_first != before
    # Another process (nothing remembered but the version itself) derives the same successor.
    cache.delete(f"{CONTENT_VERSION_KEY}:{before}")
    assert content_version() == after_first
    at(monkeypatch, second + dt.timedelta(minutes=5))
    after_second = content_version()
    assert after_second not in {before, after_first}
    cache.delete(f"{CONTENT_VERSION_KEY}:{before}")
    assert content_version() == after_second  # both expiries at once, same result


def test_a_bump_replaces_the_version(group_software):
    before = content_version()
    content_version_bump()
    assert content_version() != before
