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


JARGON = ("Seite-Objekt", "-Objekt", "Moderation", "Reviewer", "abgelehnt")
ENGLISH_TIME = re.compile(r"\b(ago|just now|now|minutes?|seconds?|hours?|days?)\b", re.I)


def _status_panel(html: str) -> str:
    start = html.index('data-side-panel="status"')
    return _visible_text(html[start : html.index('data-side-panel="preview"', start)])


def _edit_page(client, page) -> str:
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()


def _submit_and_request_changes(client, paper, author, reviewer, reason: str) -> WorkflowState:
    client.force_login(author)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[paper.pk]),
        paper_form_data(paper, **{"action-submit": "1"}),
    )
    state = WorkflowState.objects.get(object_id=str(paper.pk))
    client.force_login(reviewer)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[paper.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": reason},
    )
    client.force_login(author)
    return state


def test_the_status_panel_of_a_draft_in_review_speaks_plain_german(
    client, software_draft, member_software
):
    client.force_login(member_software)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[software_draft.pk]),
        paper_form_data(software_draft, **{"action-submit": "1"}),
        follow=True,
    )
    # The message right after submitting, then the editor of the paper in review.
    assert "„Gemeinsamer Entwurf“ wurde zur Prüfung eingereicht." in _visible_text(
        response.content.decode()
    )
    html = _edit_page(client, software_draft)
    panel = _status_panel(html)
    assert "Status: In Prüfung" in panel
    assert re.search(
        r"Zur Prüfung bei „Arbeitskreis-Review: Arbeitskreis Software“ \((jetzt|vor )", panel
    )
    for jargon in JARGON:
        assert jargon not in _visible_text(html), jargon
    assert not ENGLISH_TIME.findall(panel), ENGLISH_TIME.findall(panel)


def test_the_reviewers_reason_is_shown_in_the_editor_and_the_workflow_history(
    client, software_draft, member_software, chair_software
):
    state = _submit_and_request_changes(
        client, software_draft, member_software, chair_software, "Bitte die Quellen ergänzen."
    )
    html = _edit_page(client, software_draft)
    # At the top of the editor, as soon as it opens…
    messages = re.search(r'(?s)<div class="messages".*?</ul>', html)
    assert messages and (
        "Änderungen angefordert von leitung-software: „Bitte die Quellen ergänzen.“"
        in _visible_text(messages.group(0))
    )
    # …and in the status panel, with the reviewer (not the submitter) named.
    panel = _status_panel(html)
    assert "Begründung: Bitte die Quellen ergänzen." in panel
    # Django's naturaltime in German: "jetzt", "vor einer Sekunde", "vor 2 Minuten".
    assert re.search(r"Änderungen angefordert \((jetzt|vor [^)]*)\) von leitung-software", panel)
    for jargon in JARGON:
        assert jargon not in panel, jargon
    assert not ENGLISH_TIME.findall(panel), ENGLISH_TIME.findall(panel)

    detail = _visible_text(
        client.get(
            reverse(
                "wagtailadmin_pages:workflow_history_detail", args=[software_draft.pk, state.pk]
            )
        ).content.decode()
    )
    assert "Änderungen angefordert von leitung-software" in detail
    assert "Bitte die Quellen ergänzen." in detail
    assert "Abgelehnt" not in detail
    history = _visible_text(
        client.get(reverse("wagtailadmin_pages:history", args=[software_draft.pk])).content.decode()
    )
    assert (
        "Bei „Arbeitskreis-Review: Arbeitskreis Software“ wurden Änderungen angefordert" in history
    )
    assert "Bitte die Quellen ergänzen." in history
    for jargon in ("Abgelehnt", "ablehnen", "Workflow: "):
        assert jargon not in history, jargon
