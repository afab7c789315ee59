"""Calendar feeds: the public events.ics and each member's private, revocable calendar."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from membership.models import CalendarToken
from membership.services import calendar_token_issue
from tests.factories import EventPageFactory
from workgroups.models import EventType, MeetingIndexPage

pytestmark = pytest.mark.django_db


def summaries(response) -> set[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


@pytest.fixture
def meetings(event_index, group_software, group_security):
    internal = {
        group: MeetingIndexPage.objects.child_of(group).get()
        for group in (group_software, group_security)
    }
    EventPageFactory(parent=event_index, title="Branchentreff", event_type=EventType.BRANCHENTREFF)
    EventPageFactory(parent=group_software, title="Software offen", working_group=group_software)
    EventPageFactory(parent=internal[group_software], title="Software intern")
    EventPageFactory(parent=internal[group_security], title="Sicherheit intern")
    EventPageFactory(parent=group_software, title="Software Entwurf", publish=False)
    EventPageFactory(parent=internal[group_software], title="Intern Entwurf", publish=False)


def test_public_feed_lists_public_events_only(client, meetings):
    assert summaries(client.get("/feeds/events.ics")) == {"Branchentreff", "Software offen"}


def test_private_feed_has_own_groups_meetings_never_other_groups(
    client, meetings, member_software, member_security
):
    token = calendar_token_issue(user=member_software).token
    url = reverse("feed-member-calendar", kwargs={"token": token})
    assert summaries(client.get(url)) == {"Software offen", "Software intern"}
    other = calendar_token_issue(user=member_security).token
    url = reverse("feed-member-calendar", kwargs={"token": other})
    assert summaries(client.get(url)) == {"Sicherheit intern"}


def test_wrong_revoked_or_renewed_token_is_404(client, meetings, member_software):
    assert client.get("/feeds/kalender/falsch.ics").status_code == 404
    old = calendar_token_issue(user=member_software).token
    new = calendar_token_issue(user=member_software).token
    assert client.get(f"/feeds/kalender/{old}.ics").status_code == 404
    assert client.get(f"/feeds/kalender/{new}.ics").status_code == 200
    member_software.is_active = False
    member_software.save()
    assert client.get(f"/feeds/kalender/{new}.ics").status_code == 404


def test_calendar_page_in_the_admin_issues_shows_and_revokes(client, member_software):
    client.force_login(member_software)
    page = reverse("membership_calendar")
    assert "noch keine Kalender-Adresse" in client.get(page).content.decode()
    assert client.post(page, {"action": "issue"}).status_code == 302
    token = CalendarToken.objects.get(user=member_software).token
    assert f"/feeds/kalender/{token}.ics" in client.get(page).content.decode()
    client.post(page, {"action": "revoke"})
    assert not CalendarToken.objects.filter(user=member_software).exists()
    assert client.get(f"/feeds/kalender/{token}.ics").status_code == 404
