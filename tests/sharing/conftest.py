"""Fixtures of the share-link tests: a published paper of "software" with a newer draft."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from sharing.services import share_link_create
from tests.factories import PositionPaperPageFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    # API response cache and throttle counters live in the locmem cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def paper(group_software):
    """Live as "Öffentlicher Titel"; its latest revision is a draft titled "Geheimer Entwurf"."""
    paper = PositionPaperPageFactory(
        parent=group_software, title="Öffentlicher Titel", slug="cloud-papier"
    )
    paper.title = "Geheimer Entwurf zur Cloud"
    paper.summary = "Entwurfsfassung der Zusammenfassung"
    paper.save_revision()
    return paper


@pytest.fixture
def make_link(editor):
    def make(paper, *, days: int = 7, user=None, **fields):
        values = {
            "recipient_name": "Petra Presse",
            "recipient_organisation": "Leipziger Tageblatt",
            "recipient_email": "petra@example.org",
            **fields,
        }
        return share_link_create(
            paper=paper,
            user=user or editor,
            valid_until=timezone.localdate() + dt.timedelta(days=days),
            **values,
        )

    return make
