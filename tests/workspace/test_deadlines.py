"""Due dates: the consultation deadline, an earlier internal date, the countdown and its form."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PositionPaperPageFactory, RegulatoryProjectFactory
from workspace.models import PaperDeadline
from workspace.selectors import countdown_label, paper_due_dates
from workspace.services import paper_deadline_set

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 2)


def test_countdown_reads_in_plain_german():
    assert countdown_label(5) == "noch 5 Tage"
    assert countdown_label(1) == "noch 1 Tag"
    assert countdown_label(0) == "heute fällig"
    assert countdown_label(-1) == "seit 1 Tag überfällig"
    assert countdown_label(-3) == "seit 3 Tagen überfällig"


def _draft(group, *projects):
    draft = PositionPaperPageFactory(parent=group, publish=False, regulatory_projects=projects)
    draft.save()
    return draft


def test_due_date_is_the_earliest_open_consultation_deadline(group_software):
    passed = RegulatoryProjectFactory(consultation_deadline=TODAY - dt.timedelta(days=3))
    later = RegulatoryProjectFactory(consultation_deadline=TODAY + dt.timedelta(days=30))
    sooner = RegulatoryProjectFactory(consultation_deadline=TODAY + dt.timedelta(days=9))
    undated = RegulatoryProjectFactory(consultation_deadline=None)
    draft = _draft(group_software, passed, later, sooner, undated)
    lonely = _draft(group_software, undated)

    due = paper_due_dates(pages=[draft, lonely], today=TODAY)

    assert due[draft.pk].date == sooner.consultation_deadline
    assert due[draft.pk].project == sooner and not due[draft.pk].internal
    assert due[draft.pk].countdown == "noch 9 Tage"
    assert lonely.pk not in due


def test_all_deadlines_passed_shows_the_draft_as_overdue(group_software):
    project = RegulatoryProjectFactory(consultation_deadline=TODAY - dt.timedelta(days=2))
    draft = _draft(group_software, project)
    assert paper_due_dates(pages=[draft], today=TODAY)[draft.pk].countdown == (
        "seit 2 Tagen überfällig"
    )


def test_an_earlier_internal_date_wins(group_software):
    project = RegulatoryProjectFactory(consultation_deadline=TODAY + dt.timedelta(days=14))
    draft = _draft(group_software, project)
    paper_deadline_set(page=draft, internal_due_date=TODAY + dt.timedelta(days=4), today=TODAY)

    due = paper_due_dates(pages=[draft], today=TODAY)[draft.pk]
    assert due.internal and due.date == TODAY + dt.timedelta(days=4)
    assert due.project == project


def test_an_internal_date_after_the_consultation_is_refused_in_german(group_software):
    from django.core.exceptions import ValidationError

    project = RegulatoryProjectFactory(consultation_deadline=TODAY + dt.timedelta(days=14))
    draft = _draft(group_software, project)
    with pytest.raises(ValidationError) as raised:
        paper_deadline_set(page=draft, internal_due_date=TODAY + dt.timedelta(days=20), today=TODAY)
    assert "muss vor der Frist der Anhörung liegen" in str(raised.value)
    assert not PaperDeadline.objects.exists()


def test_a_live_papers_draft_counts_not_its_published_version(group_software):
    old = RegulatoryProjectFactory(consultation_deadline=TODAY + dt.timedelta(days=40))
    new = RegulatoryProjectFactory(consultation_deadline=TODAY + dt.timedelta(days=6))
    paper = PositionPaperPageFactory(parent=group_software, regulatory_projects=[old])
    assert paper.live
    paper.regulatory_projects.set([new])
    paper.save_revision()  # a draft on top of the live version; the row keeps the live one
    paper.refresh_from_db()
    assert paper.has_unpublished_changes

    assert paper_due_dates(pages=[paper], today=TODAY)[paper.pk].project == new


def test_lead_sets_internal_date_in_the_admin(client, group_software, chair_software):
    today = timezone.localdate()
    project = RegulatoryProjectFactory(consultation_deadline=today + dt.timedelta(days=14))
    draft = _draft(group_software, project)
    url = reverse("workspace_paper_deadline", args=[draft.pk])
    client.force_login(chair_software)

    page = client.get(url)
    assert page.status_code == 200
    assert "Interne Frist" in page.content.decode()

    too_late = (today + dt.timedelta(days=15)).isoformat()
    refused = client.post(url, {"internal_due_date": too_late})
    assert refused.status_code == 400
    assert "muss vor der Frist der Anhörung liegen" in refused.content.decode()
    assert not PaperDeadline.objects.exists()

    garbage = client.post(url, {"internal_due_date": "morgen"})
    assert garbage.status_code == 400
    assert "gültiges Datum" in garbage.content.decode()

    saved = client.post(url, {"internal_due_date": (today + dt.timedelta(days=3)).isoformat()})
    assert saved.status_code == 302
    assert PaperDeadline.objects.get(page=draft).internal_due_date == today + dt.timedelta(days=3)

    cleared = client.post(url, {"internal_due_date": ""})
    assert cleared.status_code == 302
    assert not PaperDeadline.objects.exists()


def test_another_groups_member_cannot_reach_the_form(client, group_software, member_security):
    draft = _draft(group_software)
    client.force_login(member_security)
    url = reverse("workspace_paper_deadline", args=[draft.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"internal_due_date": "2026-03-01"}).status_code == 404
    assert not PaperDeadline.objects.exists()
