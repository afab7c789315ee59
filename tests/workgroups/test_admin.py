"""The admin: every listing and form renders, and bad input gets a German message, not a 500."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from tests.factories import (
    AddresseeFactory,
    EventPageFactory,
    OrganisationFactory,
    PositionPaperPageFactory,
)
from workgroups.models import Addressee, EventPage, PositionPaperPage

from .test_workflow import paper_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper(group_software):
    return PositionPaperPageFactory(parent=group_software)


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailadmin_home",
        "papers:index",
        "events:index",
        "wagtailsnippets_workgroups_organisation:list",
        "wagtailsnippets_workgroups_addressee:list",
        "wagtailsnippets_workgroups_regulatoryproject:list",
        "wagtailsnippets_workgroups_organisation:add",
        "wagtailsnippets_workgroups_regulatoryproject:add",
    ],
)
def test_editor_admin_pages_render(client, editor, paper, url_name):
    OrganisationFactory()
    client.force_login(editor)
    response = client.get(reverse(url_name))
    assert response.status_code == 200


def test_paper_listing_shows_citation_ids(client, editor, paper):
    client.force_login(editor)
    response = client.get(reverse("papers:index"))
    assert paper.citation_id in response.content.decode()


def test_admin_is_german_by_default(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert 'lang="de"' in response.content.decode()
    assert "Positionspapiere" in response.content.decode()


def test_paper_edit_and_create_forms_render(client, member_software, group_software, paper):
    client.force_login(member_software)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[paper.pk])).status_code == 200
    add = reverse(
        "wagtailadmin_pages:add", args=["workgroups", "positionpaperpage", group_software.pk]
    )
    assert client.get(add).status_code == 200


def test_duplicate_paper_slug_gets_german_error_in_admin(
    client, editor, group_software, group_security, paper
):
    client.force_login(editor)
    other = PositionPaperPageFactory(parent=group_security)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[other.pk]),
        paper_form_data(other, slug=paper.slug, **{"action-publish": "1"}),
    )
    assert response.status_code == 200
    assert "Diese Kurzbezeichnung ist schon vergeben" in response.content.decode()
    assert PositionPaperPage.objects.get(pk=other.pk).slug != paper.slug


def test_event_with_end_before_start_gets_german_error_in_admin(client, editor, event_index):
    event = EventPageFactory(parent=event_index)
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "event_type": "workshop",
            "starts_at": "2027-03-01 18:00",
            "ends_at": "2027-03-01 16:00",
            "location": "Halle (Saale)",
            "description": "",
            "registration_url": "",
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
            "action-publish": "1",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)
    assert response.status_code == 200
    assert "Das Ende der Veranstaltung liegt vor ihrem Beginn" in response.content.decode()
    assert EventPage.objects.get(pk=event.pk).ends_at == event.ends_at


def test_invalid_addressee_gets_german_error_and_is_not_saved(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_workgroups_addressee:add"),
        {
            "name": "Landtag ohne Land",
            "short_name": "",
            "slug": "landtag-x",
            "level": "Land",
            "state": "",
        },
    )
    assert response.status_code == 200
    assert "ist das Bundesland anzugeben" in response.content.decode()
    assert not Addressee.objects.filter(slug="landtag-x").exists()


def test_duplicate_addressee_slug_is_rejected(client, editor):
    AddresseeFactory(slug="bmi")
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_workgroups_addressee:add"),
        {"name": "Noch ein BMI", "short_name": "", "slug": "bmi", "level": "Bund", "state": ""},
    )
    assert response.status_code == 200
    assert Addressee.objects.filter(slug="bmi").count() == 1
    assert "existiert bereits" in response.content.decode()


def test_member_cannot_manage_snippets(client, member_software):
    client.force_login(member_software)
    response = client.get(reverse("wagtailsnippets_workgroups_addressee:add"))
    assert response.status_code in (302, 403)
