"""Meetings in the admin: members and leads add their group's meetings, others cannot."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from tests.factories import EventPageFactory
from workgroups.models import EventPage, MeetingIndexPage

pytestmark = pytest.mark.django_db


def meeting_form_data(title: str, slug: str, **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "event_type": "arbeitskreis-treffen",
            "starts_at": "2027-03-01 16:00",
            "ends_at": "2027-03-01 18:00",
            "location": "Leipzig, Geschäftsstelle",
            "description": "Tagesordnung: Sachstand Positionspapier.",
            "registration_url": "",
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
            **extra,
        }
    )


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["workgroups", "eventpage", parent.pk])


@pytest.fixture
def internal_software(group_software):
    return MeetingIndexPage.objects.child_of(group_software).get()


@pytest.fixture
def internal_security(group_security):
    return MeetingIndexPage.objects.child_of(group_security).get()


def test_every_group_has_a_restricted_internal_meetings_section(group_software):
    section = MeetingIndexPage.objects.child_of(group_software).get()
    restriction = section.view_restrictions.get()
    assert section.live
    assert set(restriction.groups.all()) >= {
        group_software.access.members,
        group_software.access.chairs,
    }


def test_add_meeting_leads_to_a_parent_in_own_group_only(
    client, member_software, group_software, group_security, internal_software
):
    client.force_login(member_software)
    choose = reverse("events:choose_parent")
    assert client.get(choose).status_code == 200
    for parent in (group_software, internal_software):
        response = client.post(choose, {"parent_page": parent.pk})
        assert response.status_code == 302
        assert response["Location"] == add_url(parent)
    response = client.post(choose, {"parent_page": group_security.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["parent_page"]


@pytest.mark.parametrize("person", ["member_software", "chair_software"])
def test_member_and_lead_create_a_meeting_of_their_group(
    client, request, person, group_software, group_security, internal_software
):
    client.force_login(request.getfixturevalue(person))
    # The form names another group; a meeting inside a group belongs to that group.
    data = meeting_form_data(
        "AK-Sitzung März", "ak-sitzung-maerz", working_group=str(group_security.pk)
    )
    response = client.post(add_url(internal_software), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = EventPage.objects.get(slug="ak-sitzung-maerz")
    assert meeting.get_parent().pk == internal_software.pk
    assert meeting.working_group_id == group_software.pk
    assert not meeting.live


def test_lead_edits_a_meeting_of_the_group(client, chair_software, internal_software):
    meeting = EventPageFactory(parent=internal_software, title="Sitzung", slug="sitzung")
    client.force_login(chair_software)
    data = meeting_form_data("Sitzung (verschoben)", "sitzung")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.get_latest_revision_as_object().title == "Sitzung (verschoben)"


def test_other_group_member_can_neither_add_nor_edit(client, member_security, internal_software):
    meeting = EventPageFactory(parent=internal_software, slug="intern")
    client.force_login(member_security)
    response = client.post(add_url(internal_software), meeting_form_data("Fremd", "fremd"))
    assert response.status_code in (403, 404)
    assert not EventPage.objects.filter(slug="fremd").exists()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk]))
    assert response.status_code in (403, 404)
    listing = client.get(reverse("events:index"))
    assert "intern" not in {page.slug for page in listing.context["pages"]}


def test_anonymous_is_sent_to_login(client, internal_software):
    response = client.get(add_url(internal_software))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_public_meeting_of_a_group_is_in_the_api_internal_one_is_not(
    client, group_software, internal_software
):
    EventPageFactory(parent=group_software, slug="offene-sitzung", working_group=group_software)
    EventPageFactory(parent=internal_software, slug="interne-sitzung", working_group=group_software)
    EventPageFactory(parent=group_software, slug="entwurf-sitzung", publish=False)
    slugs = {item["slug"] for item in client.get("/api/v1/events/").json()["results"]}
    assert "offene-sitzung" in slugs
    assert "interne-sitzung" not in slugs
    assert "entwurf-sitzung" not in slugs
    assert client.get("/api/v1/events/interne-sitzung/").status_code == 404
    group = client.get("/api/v1/working-groups/software/").json()
    assert [e["slug"] for e in group["upcoming_events"]] == ["offene-sitzung"]
