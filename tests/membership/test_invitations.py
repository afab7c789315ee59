"""Invitations end to end through the admin and the real SMTP server; leads remove members."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from cms.tokens import token_hash
from membership.models import Invitation
from tests.factories import OrganisationFactory, UserFactory
from workgroups.services.people import member_profile_set

pytestmark = pytest.mark.django_db

PASSWORD = "Sichere-Sitzung-2027"


@pytest.fixture
def company():
    return OrganisationFactory(name="Elbe Software GmbH")


@pytest.fixture
def invite(client, django_capture_on_commit_callbacks):
    def post(chair, group, company, email="neu@elbe-software.de"):
        client.force_login(chair)
        # The mail leaves once the invitation is committed.
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("membership_group_members", args=[group.pk]),
                {"action": "invite", "email": email, "organisation": company.pk},
            )

    return post


def link_from(mailbox) -> str:
    assert len(mailbox.messages) == 1
    body = mailbox.messages[0].text()
    return re.search(r"https?://\S+/einladung/\S+/", body).group(0)


def accept(client, path):
    return client.post(
        path,
        {
            "first_name": "Nora",
            "last_name": "Neumann",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_invitation_end_to_end(client, invite, mailbox, chair_software, group_software, company):
    response = invite(chair_software, group_software, company)
    assert response.status_code == 302
    message = mailbox.messages[0]
    assert message.envelope_to == ["neu@elbe-software.de"]
    assert message.subject == "Einladung in den Arbeitskreis Software"
    url = link_from(mailbox)
    path = url.split("://", 1)[1].split("/", 1)[1]
    path = "/" + path
    invitation = Invitation.objects.get()
    assert invitation.token_hash == token_hash(path.rstrip("/").rsplit("/", 1)[1])
    assert path.rstrip("/").rsplit("/", 1)[1] not in invitation.token_hash
    assert invitation.expires_at - invitation.created_at == dt.timedelta(days=7)
    # Pending invitations are listed for the lead.
    client.force_login(chair_software)
    page = client.get(reverse("membership_group_members", args=[group_software.pk]))
    assert "neu@elbe-software.de" in page.content.decode()

    client.logout()
    form = client.get(path)
    assert form.status_code == 200
    assert "Arbeitskreis Software" in form.content.decode()
    response = accept(client, path)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="neu@elbe-software.de")
    assert user.get_full_name() == "Nora Neumann"
    assert list(user.groups.all()) == [group_software.access.members]
    assert user.member_profile.organisation == company
    # Signed in at once, landing on the group's panel of the dashboard.
    assert response["Location"] == f"/admin/#workspace-group-{group_software.pk}-section"
    assert client.session["_auth_user_id"] == str(user.pk)
    dashboard = client.get(response["Location"]).content.decode()
    assert f'id="workspace-group-{group_software.pk}-section"' in dashboard
    assert "Willkommen im Arbeitskreis Software!" in dashboard
    assert "Elbe Software GmbH" in dashboard  # the group's people, with their company
    assert client.login(username="neu@elbe-software.de", password=PASSWORD)

    # Reused link: a clear German message, nothing changes.
    client.logout()
    for method in (client.get, accept):
        reused = method(client, path) if method is accept else method(path)
        assert reused.status_code == 410
        assert "bereits angenommen" in reused.content.decode()
    assert get_user_model().objects.filter(email="neu@elbe-software.de").count() == 1


def test_expired_and_unknown_links(
    client, invite, mailbox, chair_software, group_software, company
):
    invite(chair_software, group_software, company)
    path = "/" + link_from(mailbox).split("://", 1)[1].split("/", 1)[1]
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    client.logout()
    for response in (client.get(path), accept(client, path)):
        assert response.status_code == 410
        assert "abgelaufen" in response.content.decode()
    assert not get_user_model().objects.filter(username="neu@elbe-software.de").exists()
    unknown = client.get("/einladung/gibt-es-nicht/")
    assert unknown.status_code == 404
    assert "ungültig" in unknown.content.decode()


def test_bad_input_gets_german_messages(
    client, invite, mailbox, chair_software, group_software, company
):
    invite(chair_software, group_software, company)
    path = "/" + link_from(mailbox).split("://", 1)[1].split("/", 1)[1]
    client.logout()
    response = client.post(
        path, {"first_name": "Nora", "last_name": "", "password1": "123", "password2": "124"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "stimmen nicht überein" in html
    assert Invitation.objects.get().accepted_at is None
    response = client.post(
        path, {"first_name": "Nora", "last_name": "N", "password1": "12345", "password2": "12345"}
    )
    assert response.status_code == 200
    assert "zu kurz" in response.content.decode()
    assert not get_user_model().objects.filter(username="neu@elbe-software.de").exists()


def test_only_leads_invite_and_remove(
    client,
    invite,
    mailbox,
    chair_software,
    member_software,
    member_security,
    group_software,
    company,
):
    url = reverse("membership_group_members", args=[group_software.pk])
    # Wagtail answers a refused admin action with a redirect to the dashboard.
    refused = invite(member_software, group_software, company)
    assert refused.status_code == 302
    assert refused["Location"] == reverse("wagtailadmin_home")
    client.force_login(member_security)
    assert client.get(url).status_code == 404
    assert invite(member_security, group_software, company).status_code == 404
    assert not Invitation.objects.exists()
    assert not mailbox.messages

    client.force_login(chair_software)
    response = client.post(url, {"action": "remove", "user": member_software.pk})
    assert response.status_code == 302
    assert not member_software.groups.filter(pk=group_software.access.members_id).exists()
    # Someone outside the group cannot be "removed" through this group.
    response = client.post(url, {"action": "remove", "user": member_security.pk})
    assert response.status_code == 404


def test_members_page_and_user_listing_show_company_and_groups(
    client, chair_software, member_software, group_software, group_security, company
):
    member_profile_set(user=member_software, organisation=company)
    member_software.groups.add(group_security.access.members)
    client.force_login(chair_software)
    html = client.get(
        reverse("membership_group_members", args=[group_software.pk])
    ).content.decode()
    assert "Elbe Software GmbH" in html
    assert "Leitung" in html
    client.force_login(UserFactory(username="admin", is_superuser=True))
    html = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert "Elbe Software GmbH" in html
    assert "Arbeitskreis IT-Sicherheit, Arbeitskreis Software" in html
    assert "Arbeitskreis Software (Leitung)" in html


def _path(mailbox) -> str:
    return "/" + link_from(mailbox).split("://", 1)[1].split("/", 1)[1]


def test_an_existing_account_joins_after_signing_in_through_the_link(
    client,
    invite,
    mailbox,
    chair_software,
    member_security,
    group_software,
    group_security,
    company,
):
    # Her company stays hers: one member company per person, whatever the invitation says.
    own_company = OrganisationFactory(name="Saale Security AG")
    member_profile_set(user=member_security, organisation=own_company)
    response = invite(chair_software, group_software, company, email=member_security.email)
    assert response.status_code == 302
    assert "bereits einen Zugang" in mailbox.messages[0].text()
    path = _path(mailbox)

    client.logout()
    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "gibt es bereits einen Zugang" in html
    assert "Vorname" not in html  # no second account, no new password
    login = client.post(
        reverse("wagtailadmin_login"),
        {"username": member_security.username, "password": "geheim-123", "next": path},
    )
    assert login.status_code == 302 and login["Location"] == path
    assert "Einladung annehmen" in client.get(path).content.decode()
    joined = client.post(path)
    assert joined["Location"] == f"/admin/#workspace-group-{group_software.pk}-section"

    member_security.refresh_from_db()
    assert set(member_security.groups.all()) == {
        group_software.access.members,
        group_security.access.members,
    }
    assert member_security.member_profile.organisation == own_company
    assert get_user_model().objects.filter(email__iexact=member_security.email).count() == 1
    assert Invitation.objects.get().accepted_by == member_security
    dashboard = client.get(joined["Location"]).content.decode()
    assert f'id="workspace-group-{group_software.pk}-section"' in dashboard
    # Single use, also for an existing account.
    again = client.post(path)
    assert again.status_code == 410 and "bereits angenommen" in again.content.decode()


def test_only_the_invited_account_can_use_the_link(
    client,
    invite,
    mailbox,
    chair_software,
    member_security,
    member_software,
    group_software,
    company,
):
    invite(chair_software, group_software, company, email=member_security.email)
    path = _path(mailbox)
    client.force_login(member_software)
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == 200
        assert (
            "gilt für den Zugang von mitglied-sicherheit@example.org" in response.content.decode()
        )
    assert not member_security.groups.filter(pk=group_software.access.members_id).exists()
    assert Invitation.objects.get().accepted_at is None


def test_inviting_a_current_member_is_refused_in_german(
    client, invite, mailbox, chair_software, member_software, group_software, company
):
    response = invite(chair_software, group_software, company, email=member_software.email)
    assert response.status_code == 200
    assert "Diese Person gehört bereits zum Arbeitskreis Software." in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mailbox.messages


def test_a_lead_of_another_group_cannot_remove_members(
    client, member_software, group_software, group_security
):
    chair_security = UserFactory(
        username="leitung-sicherheit", groups=[group_security.access.chairs]
    )
    client.force_login(chair_security)
    response = client.post(
        reverse("membership_group_members", args=[group_software.pk]),
        {"action": "remove", "user": member_software.pk},
    )
    assert response.status_code == 404
    assert member_software.groups.filter(pk=group_software.access.members_id).exists()
