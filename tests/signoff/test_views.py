"""The admin side of the sign-off: the contact's German form, the editors' record of answers."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from signoff.models import Decision, SignoffAnswer
from signoff.services import signoff_answer

pytestmark = pytest.mark.django_db


def assert_refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_contact_answers_through_the_german_form(client, in_signoff, companies):
    signoff = in_signoff()
    contact = companies[0].contact
    client.force_login(contact)
    listing = client.get(reverse("signoff:open"))
    assert "Entwurf Cloud-Souveränität" in listing.content.decode()

    url = reverse("signoff:answer", args=[signoff.round.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Widerspruch" in page.content.decode() and "Firma 0" in page.content.decode()
    response = client.post(url, {"decision": "object", "comment": "Bitte Abschnitt 2 streichen."})
    assert response.status_code == 302
    answer = SignoffAnswer.objects.get()
    assert (answer.organisation, answer.decision) == (companies[0].organisation, Decision.OBJECT)
    signoff.round.refresh_from_db()
    assert signoff.round.status == TaskState.STATUS_REJECTED  # default veto threshold: 1


def test_an_empty_answer_is_a_german_form_error(client, in_signoff, companies):
    signoff = in_signoff()
    client.force_login(companies[0].contact)
    response = client.post(reverse("signoff:answer", args=[signoff.round.pk]), {"decision": ""})
    assert response.status_code == 200
    assert (
        "Bitte wählen Sie: mitzeichnen, enthalten oder widersprechen." in response.content.decode()
    )
    assert not SignoffAnswer.objects.exists()


def test_others_cannot_open_or_post_the_form(client, in_signoff, member_software, editor):
    signoff = in_signoff()
    url = reverse("signoff:answer", args=[signoff.round.pk])
    for user in (member_software, editor):
        client.force_login(user)
        assert_refused(client.get(url))
        assert_refused(client.post(url, {"decision": "sign"}))
    assert not SignoffAnswer.objects.exists()


def test_the_workflow_menu_leads_the_contact_to_the_form(client, in_signoff, companies):
    signoff = in_signoff()
    client.force_login(companies[1].contact)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[signoff.paper.pk, "answer", signoff.round.pk],
        )
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("signoff:answer", args=[signoff.round.pk])


def test_editors_see_who_answered_what_and_when(
    client, in_signoff, companies, editor, member_software
):
    signoff = in_signoff()
    signoff_answer(
        task_state=signoff.round,
        user=companies[0].contact,
        decision=Decision.ABSTAIN,
        comment="Wir sind nicht betroffen.",
    )
    url = reverse("signoff:paper", args=[signoff.paper.pk])
    client.force_login(editor)
    body = client.get(url).content.decode()
    assert "Firma 0" in body and "Enthaltung" in body and "Wir sind nicht betroffen." in body
    assert "kontakt-0" in body  # who, with the time of each change
    assert "0 von 4 Unternehmen zeichnen mit" in body

    client.force_login(member_software)
    assert_refused(client.get(url))
