"""The minutes view in the admin: per group, newest first, with meeting and attachments; never public."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from tests.factories import EventPageFactory, MinutesPageFactory
from workgroups.models import MeetingIndexPage, MinutesAttachment, MinutesIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(group_software, group_security):
    meeting = EventPageFactory(
        parent=MeetingIndexPage.objects.child_of(group_software).get(), title="Sitzung Oktober"
    )
    index = MinutesIndexPage.objects.child_of(group_software).get()
    older = MinutesPageFactory(
        parent=index, title="Protokoll September", slug="sept", meeting_date=dt.date(2026, 9, 1)
    )
    newer = MinutesPageFactory(
        parent=index,
        title="Protokoll Oktober",
        slug="okt",
        meeting_date=dt.date(2026, 10, 1),
        meeting=meeting,
        publish=False,
    )
    document = get_document_model().objects.create(
        title="Anlage Folien",
        file=ContentFile(b"%PDF-1.4 Folien", name="folien.pdf"),
        collection=group_software.access.collection,
    )
    MinutesAttachment.objects.create(page=newer, document=document)
    newer.save_revision().publish()
    other = MinutesPageFactory(
        parent=MinutesIndexPage.objects.child_of(group_security).get(),
        title="Protokoll Sicherheit",
        slug="sicherheit",
    )
    draft = MinutesPageFactory(
        parent=index, title="Protokoll Entwurf", slug="entwurf", publish=False
    )
    return {"older": older, "newer": newer, "other": other, "draft": draft, "meeting": meeting}


def test_member_reads_own_minutes_newest_first(client, member_software, minutes):
    client.force_login(member_software)
    response = client.get(reverse("membership_minutes"))
    groups = response.context["groups"]
    assert [group.slug for group, _items in groups] == ["software"]
    assert [m.title for m in groups[0][1]] == ["Protokoll Oktober", "Protokoll September"]
    html = response.content.decode()
    assert "Protokoll Sicherheit" not in html
    assert "Protokoll Entwurf" not in html
    detail = client.get(reverse("membership_minutes_detail", args=[minutes["newer"].pk]))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "Sitzung Oktober" in html
    assert reverse("wagtailadmin_pages:edit", args=[minutes["meeting"].pk]) in html
    assert "Anlage Folien" in html
    assert "w-header" in html or "nice-padding" in html  # Wagtail's admin layout


def test_other_group_member_and_anonymous_get_nothing(client, member_security, minutes):
    url = reverse("membership_minutes_detail", args=[minutes["newer"].pk])
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert reverse("wagtailadmin_login") in anonymous["Location"]
    client.force_login(member_security)
    assert client.get(url).status_code == 404
    listing = client.get(reverse("membership_minutes")).content.decode()
    assert "Protokoll Oktober" not in listing
    assert "Protokoll Sicherheit" in listing


def test_minutes_never_reach_the_public_api(client, minutes):
    client.logout()
    path = minutes["newer"].url_path
    frontend_path = "/" + path.split("/", 2)[2]
    response = client.get("/api/v1/pages/by-path/", {"path": frontend_path})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    search = client.get("/api/v1/search/", {"q": "Protokoll"})
    assert search.status_code == 200
    titles = {item["title"] for item in search.json()["results"]}
    assert not titles & {"Protokoll Oktober", "Protokoll September"}
