"""Plain German in the editorial flow: login page, submit action, "Änderungen angefordert" mails."""

import re

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.workgroups.test_workflow import paper_form_data

pytestmark = pytest.mark.django_db

ADMIN = "https://redaktion.verband.example"


def _visible_text(html: str) -> str:
    html = re.sub(r"(?s)<script.*?</script>|<style.*?</style>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_login_page_carries_the_associations_name_and_no_english(client, site_tree):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    text = _visible_text(html)
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert settings.WAGTAIL_SITE_NAME in title
    assert f"Anmeldung: {settings.WAGTAIL_SITE_NAME}" in text
    assert "Passwort" in text
    for english_or_jargon in ("Wagtail", "Password", "Sign in", "Remember me"):
        assert english_or_jargon not in text, english_or_jargon


def test_the_submit_action_reads_zur_pruefung_einreichen(client, software_draft, member_software):
    client.force_login(member_software)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[software_draft.pk])).content
    text = _visible_text(html.decode())
    assert "Zur Prüfung einreichen" in text
    assert "Arbeitskreis-Review →" not in text


@override_settings(WAGTAILADMIN_BASE_URL=ADMIN)
def test_requested_changes_are_mailed_as_such_with_the_reason(
    client, software_draft, member_software, chair_software, mailbox
):
    client.force_login(member_software)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[software_draft.pk]),
        paper_form_data(software_draft, **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(software_draft.pk))
    submitted = [m for m in mailbox.messages if chair_software.email in m.envelope_to]
    assert submitted and submitted[0].subject.strip().startswith("Zur Prüfung eingereicht")

    mailbox.clear()
    client.force_login(chair_software)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[software_draft.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": "Bitte die Quellen ergänzen."},
    )
    [message] = [m for m in mailbox.messages if member_software.email in m.envelope_to]
    assert message.subject.strip() == "Änderungen angefordert: „Gemeinsamer Entwurf“"
    body = message.text()
    assert "Begründung: Bitte die Quellen ergänzen." in body
    assert "abgelehnt" not in body.lower() and "abgelehnt" not in message.subject.lower()
    assert f"{ADMIN}/admin/pages/{software_draft.pk}/edit/" in body

    # After the request, the editor offers to resubmit in plain words.
    client.force_login(member_software)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[software_draft.pk])).content
    assert "Erneut zur Prüfung einreichen" in _visible_text(html.decode())
