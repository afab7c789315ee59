"""The admin view of a paper's share links: list, create with German errors, revoke, who may."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from sharing.models import ShareLink

pytestmark = pytest.mark.django_db


def _page(paper):
    return f"/admin/sharing/paper/{paper.pk}/"


def _form(days=7, **overrides):
    return {
        "recipient_name": "Petra Presse",
        "recipient_organisation": "Leipziger Tageblatt",
        "recipient_email": "petra@example.org",
        "valid_until": (timezone.localdate() + dt.timedelta(days=days)).isoformat(),
        **overrides,
    }


def test_editor_creates_a_link_and_sees_its_address_once(client, paper, editor, settings):
    client.force_login(editor)
    page = client.get(_page(paper))
    assert page.status_code == 200
    assert "Vertrauliche Links" in page.content.decode()
    assert "noch keine vertraulichen Links" in page.content.decode()

    created = client.post(_page(paper), _form())
    assert created.status_code == 200
    html = created.content.decode()
    match = re.search(r"data-share-url>([^<]+)<", html)
    assert match, html[:2000]
    url = match.group(1)
    assert url.startswith(f"{settings.FRONTEND_URL.rstrip('/')}/vertraulich/")
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/api/v1/shared-drafts/{token}/").status_code == 200
    # Listed afterwards, with its recipient and access count, but the address is gone.
    again = client.get(_page(paper)).content.decode()
    assert "Petra Presse, Leipziger Tageblatt" in again
    assert token not in again
    assert ShareLink.objects.get().created_by == editor


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (_form(days=31), "höchstens 30 Tage"),
        (_form(recipient_email="petra"), "gültige E-Mail-Adresse"),
        (_form(recipient_name=""), "Dieses Feld ist erforderlich."),
        (_form(valid_until="morgen"), "Bitte ein Datum angeben."),
    ],
)
def test_bad_input_gets_a_german_message_and_saves_nothing(client, paper, editor, form, message):
    client.force_login(editor)
    response = client.post(_page(paper), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ShareLink.objects.exists()


def test_lead_of_the_group_may_share_and_revoke(client, paper, chair_software):
    client.force_login(chair_software)
    assert client.post(_page(paper), _form()).status_code == 200
    link = ShareLink.objects.get()
    response = client.post(f"/admin/sharing/link/{link.pk}/revoke/")
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None and link.revoked_by == chair_software
    listing = client.get(_page(paper)).content.decode()
    assert "zurückgezogen" in listing


@pytest.mark.parametrize("who", ["member_security", "member_software"])
def test_others_get_neither_the_list_nor_the_form(client, paper, make_link, request, who):
    link, _token = make_link(paper)
    client.force_login(request.getfixturevalue(who))
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    for response in [
        client.get(_page(paper)),
        client.post(_page(paper), _form(recipient_name="Eindringling")),
        client.post(f"/admin/sharing/link/{link.pk}/revoke/"),
    ]:
        assert (response.status_code, response.get("Location")) == (302, "/admin/")
        assert "Petra Presse" not in response.content.decode()
    assert ShareLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None


def test_revoking_needs_a_post(client, paper, make_link, editor):
    link, _token = make_link(paper)
    client.force_login(editor)
    assert client.get(f"/admin/sharing/link/{link.pk}/revoke/").status_code == 405
    link.refresh_from_db()
    assert link.revoked_at is None


def test_the_paper_editor_offers_the_links_to_those_who_may(client, paper, editor, member_software):
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{paper.pk}/edit/").content.decode()
    assert f'href="{_page(paper)}"' in edit
    client.force_login(member_software)
    edit = client.get(f"/admin/pages/{paper.pk}/edit/")
    assert edit.status_code == 200
    assert _page(paper) not in edit.content.decode()
