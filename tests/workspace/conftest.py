"""Fixtures of the workspace tests: two groups with a draft, a meeting and minutes each."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from tests.factories import (
    EventPageFactory,
    MinutesPageFactory,
    OrganisationFactory,
    PositionPaperPageFactory,
    RegulatoryProjectFactory,
    UserFactory,
)
from workgroups.models import MemberProfile, MinutesIndexPage, PositionPaperPage


@dataclass
class World:
    software_draft: PositionPaperPage
    security_draft: PositionPaperPage
    software_project: object
    unclaimed_project: object
    software_event: object
    security_event: object
    software_minutes: object
    security_minutes: object
    security_chair: object


def _minutes(group, title):
    index = MinutesIndexPage.objects.child_of(group).get()
    return MinutesPageFactory(parent=index, title=title, meeting_date=dt.date(2026, 10, 1))


@pytest.fixture
def world(
    event_index,
    group_software,
    group_security,
    member_software,
    chair_software,
    member_security,
    editor,
):
    today = timezone.localdate()
    company = OrganisationFactory(name="Elbtal Software AG")
    MemberProfile.objects.create(user=member_software, organisation=company)
    member_software.first_name, member_software.last_name = "Mira", "Meier"
    member_software.save()
    software_project = RegulatoryProjectFactory(
        title="KI-Verordnung Sachsen", consultation_deadline=today + dt.timedelta(days=5)
    )
    unclaimed = RegulatoryProjectFactory(
        title="Breitbandgesetz ohne Papier", consultation_deadline=today + dt.timedelta(days=20)
    )
    software_draft = PositionPaperPageFactory(
        parent=group_software,
        title="Entwurf Software-Geheim",
        publish=False,
        owner=member_software,
        regulatory_projects=[software_project],
    )
    # As the admin does for a never-published page: the draft lives in the page row.
    software_draft.save()
    software_draft.save_revision(user=member_software)
    security_draft = PositionPaperPageFactory(
        parent=group_security,
        title="Entwurf Sicherheit-Geheim",
        publish=False,
        owner=member_security,
    )
    security_draft.save_revision(user=member_security)
    in_ten_days = timezone.now() + dt.timedelta(days=10)
    return World(
        software_draft=software_draft,
        security_draft=security_draft,
        software_project=software_project,
        unclaimed_project=unclaimed,
        software_event=EventPageFactory(
            parent=event_index,
            title="Sitzung Software Dezember",
            working_group=group_software,
            starts_at=in_ten_days,
            location="Dresden, Kraftwerk Mitte",
        ),
        security_event=EventPageFactory(
            parent=event_index,
            title="Sitzung Sicherheit Dezember",
            working_group=group_security,
            starts_at=in_ten_days,
        ),
        software_minutes=_minutes(group_software, "Protokoll Software Oktober"),
        security_minutes=_minutes(group_security, "Protokoll Sicherheit Oktober"),
        security_chair=UserFactory(
            username="leitung-sicherheit", groups=[group_security.access.chairs]
        ),
    )
