"""Companies in the invitation form and addressees in the dispatch form are searchable choosers."""

import pytest
from django.urls import reverse

from membership.models import Invitation
from tests.factories import AddresseeFactory, OrganisationFactory, PositionPaperPageFactory
from workgroups.models import PaperDispatch

pytestmark = pytest.mark.django_db

COMPANIES = "/admin/snippets/choose/workgroups/organisation/"
ADDRESSEES = "/admin/snippets/choose/workgroups/addressee/"


def test_lead_invites_with_the_company_picked_in_the_chooser(
    client, chair_software, group_software, mailbox, django_capture_on_commit_callbacks
):
    company = OrganisationFactory(name="Elbe Software GmbH", slug="elbe-software")
    OrganisationFactory(name="Saale Cloud AG", slug="saale-cloud")
    client.force_login(chair_software)
    page = client.get(reverse("membership_group_members", args=[group_software.pk]))
    body = page.content.decode()
    assert '<select name="organisation"' not in body
    assert COMPANIES in body
    assert "snippet-chooser.js" in body

    found = client.get(f"{COMPANIES}results/", {"q": "soft"}).content.decode()
    assert "Elbe Software GmbH" in found
    assert "Saale Cloud AG" not in found

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("membership_group_members", args=[group_software.pk]),
            {"action": "invite", "email": "neu@elbe-software.de", "organisation": company.pk},
        )
    assert response.status_code == 302
    assert Invitation.objects.get(email="neu@elbe-software.de").organisation == company


def test_editor_records_a_dispatch_to_the_addressee_picked_in_the_chooser(
    client, editor, group_software
):
    paper = PositionPaperPageFactory(parent=group_software, slug="kritis")
    AddresseeFactory(name="Bundesministerium des Innern", slug="bmi")
    # A Land addressee: a dispatch to a federal one needs a Lobbyregister number first.
    landtag = AddresseeFactory(
        name="Sächsischer Landtag", slug="landtag-sn", level="Land", state="DE-SN"
    )
    client.force_login(editor)
    body = client.get(reverse("signoff:dispatches", args=[paper.pk])).content.decode()
    assert '<select name="addressee"' not in body
    assert ADDRESSEES in body

    found = client.get(f"{ADDRESSEES}results/", {"q": "landt"}).content.decode()
    assert "Sächsischer Landtag" in found
    assert "Bundesministerium des Innern" not in found

    response = client.post(
        reverse("signoff:dispatches", args=[paper.pk]),
        {"addressee": landtag.pk, "sent_on": "2025-04-02", "channel": "email", "note": ""},
    )
    assert response.status_code == 302, response.context["form"].errors
    assert PaperDispatch.objects.get(page=paper).addressee == landtag
