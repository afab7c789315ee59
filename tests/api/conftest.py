"""Fixtures for the public read API: a small public world of papers, events and snippets."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.factories import (
    AddresseeFactory,
    EventPageFactory,
    OrganisationFactory,
    PositionPaperPageFactory,
    RegulatoryProjectFactory,
    WorkingGroupPageFactory,
)
from workgroups.models import Level

# The fields of a paper in every list (papers, search results, related papers).
PAPER_LIST_FIELDS = {
    "id",
    "slug",
    "citation_id",
    "title",
    "subtitle",
    "summary",
    "paper_type",
    "status",
    "published_at",
    "version",
    "working_groups",
    "tags",
    "addressees",
    "url",
    "api_url",
    "pdf_url",
}


@pytest.fixture(autouse=True)
def fresh_cache():
    # Response cache and throttle counters live in the (locmem) cache: start every test empty.
    cache.clear()
    yield
    cache.clear()


def get_json(client, url, status=200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    return response.json()


@pytest.fixture
def world(request, django_capture_on_commit_callbacks):
    """Two public papers in "software" (one co-authored by "it-sicherheit") and a public event.

    Built as if committed (its on-commit callbacks run), so the API cache is in the state it
    has in production after these publishes.
    """
    with django_capture_on_commit_callbacks(execute=True):
        group_index = request.getfixturevalue("group_index")
        # Plain groups: the API needs no member roles or workflows (the leak tests, which
        # need the private minutes, build groups with roles).
        return _world(
            WorkingGroupPageFactory(
                parent=group_index, title="Arbeitskreis Software", slug="software"
            ),
            WorkingGroupPageFactory(
                parent=group_index, title="Arbeitskreis IT-Sicherheit", slug="it-sicherheit"
            ),
            request.getfixturevalue("event_index"),
        )


def _world(group_software, group_security, event_index):
    addressee = AddresseeFactory(name="Bundesministerium des Innern", slug="bmi", level=Level.BUND)
    land = AddresseeFactory(
        name="Sächsisches Staatsministerium", slug="smwa", level=Level.LAND, state="DE-SN"
    )
    project = RegulatoryProjectFactory(
        title="NIS-2-Umsetzungsgesetz",
        slug="nis2umsucg",
        consultation_deadline=timezone.localdate() + dt.timedelta(days=20),
    )
    old_project = RegulatoryProjectFactory(
        title="Altes Gesetz",
        slug="altes-gesetz",
        consultation_deadline=timezone.localdate() - dt.timedelta(days=20),
    )
    member = OrganisationFactory(name="Muster IT GmbH", slug="muster-it")
    member.working_groups.set([group_software])
    member.save()
    alpha = PositionPaperPageFactory(
        parent=group_software,
        title="Papier Alpha",
        slug="papier-alpha",
        paper_type="stellungnahme",
        publication_date=dt.date(2025, 3, 1),
        tags=["Datenschutz", "Cloud"],
        dispatches=[(addressee, dt.date(2025, 3, 2))],
        regulatory_projects=[project],
        signatories=[member],
        key_demands=["Erste Forderung", "Zweite Forderung"],
        contact_name="Erika Muster",
        contact_email="erika@example.org",
    )
    beta = PositionPaperPageFactory(
        parent=group_software,
        title="Papier Beta",
        slug="papier-beta",
        paper_type="positionspapier",
        publication_date=dt.date(2024, 6, 1),
        tags=["Datenschutz"],
        co_working_groups=[group_security],
        dispatches=[(land, dt.date(2024, 6, 3))],
    )
    event = EventPageFactory(
        parent=event_index,
        title="Treffen Software",
        slug="treffen-software",
        working_group=group_software,
    )
    return SimpleNamespace(
        software=group_software,
        security=group_security,
        event_index=event_index,
        addressee=addressee,
        land=land,
        project=project,
        old_project=old_project,
        member=member,
        alpha=alpha,
        beta=beta,
        event=event,
    )
