"""Alert fixtures: a small public world to follow, and subscribing through the API as a visitor."""

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.factories import (
    PositionPaperPageFactory,
    RegulatoryProjectFactory,
    WorkingGroupPageFactory,
)
from tests.search.conftest import database_search, elasticsearch, es_url, search_engine  # noqa: F401

SUBSCRIBE_URL = "/api/v1/subscriptions/"
CONFIRM_URL = "/api/v1/subscriptions/confirm/"
TOKEN_RE = re.compile(r"[?&]token=([^\s\"&<]+)")


@pytest.fixture(autouse=True)
def fresh_cache():
    # Throttle counters live in the (locmem) cache: every test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block as if committed: its on-commit work (alerts, confirmation mails) runs."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def world(group_index, committed):
    """Two public working groups, a Regelungsvorhaben and one public paper on "Cloud"."""
    with committed():
        software = WorkingGroupPageFactory(
            parent=group_index, title="Arbeitskreis Software", slug="software"
        )
        security = WorkingGroupPageFactory(
            parent=group_index, title="Arbeitskreis IT-Sicherheit", slug="it-sicherheit"
        )
        project = RegulatoryProjectFactory(
            title="NIS-2-Umsetzungsgesetz",
            slug="nis2",
            consultation_deadline=timezone.localdate() + dt.timedelta(days=30),
        )
        paper = PositionPaperPageFactory(
            parent=software,
            title="Cloud-Strategie für den Mittelstand",
            slug="cloud-strategie",
            tags=["Cloud"],
            regulatory_projects=[project],
        )
    return SimpleNamespace(software=software, security=security, project=project, paper=paper)


def token_in(text: str) -> str:
    match = TOKEN_RE.search(text)
    assert match, text
    return match.group(1)


@pytest.fixture
def subscribe(client, mailbox, committed):
    """Subscribe and confirm through the API as a visitor would; returns the confirm answer."""

    def run(email: str, topic: dict, frequency: str = "sofort") -> dict:
        before = len(mailbox.to(email))
        with committed():
            response = client.post(
                SUBSCRIBE_URL, {"email": email, "frequency": frequency, **topic}, "application/json"
            )
        assert response.status_code == 202, response.content
        mails = mailbox.to(email)
        assert len(mails) == before + 1, [m.subject for m in mails]
        confirmed = client.post(
            CONFIRM_URL, {"token": token_in(mails[-1].text())}, "application/json"
        )
        assert confirmed.status_code == 200, confirmed.content
        return confirmed.json()

    return run
