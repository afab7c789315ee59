"""Members hear of replies to their comments and of review results, with working admin links."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Comment, WorkflowState
from wagtail.test.utils.form_data import inline_formset

from tests.workgroups.test_workflow import paper_form_data

pytestmark = pytest.mark.django_db

ADMIN = "https://redaktion.verband.example"
FRONTEND = "https://www.verband.example"


@override_settings(WAGTAILADMIN_BASE_URL=ADMIN)
def test_a_reply_to_my_comment_reaches_me_with_a_link_to_the_paper(
    client, software_draft, member_software, chair_software, mailbox
):
    software_draft.save_revision(user=member_software)
    comment = Comment.objects.create(
        page=software_draft,
        user=member_software,
        text="Fehlt hier nicht die Quelle?",
        contentpath="title",
        position="",
    )
    client.force_login(chair_software)
    reply = {
        "id": comment.pk,
        "contentpath": "title",
        "position": "",
        "text": comment.text,
        "replies": inline_formset([{"text": "Ist ergänzt."}]),
    }
    data = paper_form_data(software_draft, comments=inline_formset([reply], initial=1))
    response = client.post(reverse("wagtailadmin_pages:edit", args=[software_draft.pk]), data)
    assert response.status_code == 302
    assert comment.replies.filter(text="Ist ergänzt.").exists()

    [message] = mailbox.to(member_software.email)
    text = message.text()
    assert "Ist ergänzt." in text
    links = set(re.findall(r"https?://\S+", text))
    assert f"{ADMIN}/admin/pages/{software_draft.pk}/edit/" in links


@override_settings(WAGTAILADMIN_BASE_URL=ADMIN)
def test_the_submitting_member_hears_of_the_review_result(
    client, software_draft, member_software, chair_software, mailbox
):
    client.force_login(member_software)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[software_draft.pk]),
        paper_form_data(software_draft, **{"action-submit": "1"}),
    )
    state = WorkflowState.objects.get(object_id=str(software_draft.pk))
    mailbox.clear()
    client.force_login(chair_software)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[software_draft.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": "Zu lang."},
    )
    [message] = mailbox.to(member_software.email)
    assert f"{ADMIN}/admin/pages/{software_draft.pk}/edit/" in message.text()
    assert "Zu lang." in message.text()


@override_settings(WAGTAILADMIN_BASE_URL=ADMIN, FRONTEND_URL=FRONTEND)
def test_the_submitting_member_hears_of_the_approval_with_the_public_link(
    client, software_draft, member_software, chair_software, editor, mailbox
):
    client.force_login(member_software)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[software_draft.pk]),
        paper_form_data(software_draft, **{"action-submit": "1"}),
    )
    state = WorkflowState.objects.get(object_id=str(software_draft.pk))
    mailbox.clear()
    for reviewer in (chair_software, editor):
        client.force_login(reviewer)
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[software_draft.pk, "approve", state.current_task_state.pk],
            ),
            {"comment": "Passt so."},
        )
        assert response.status_code in (200, 302)
        state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    # Both steps approved: one mail, when the whole review is through.
    [message] = mailbox.to(member_software.email)
    assert "freigegeben" in message.subject
    links = set(re.findall(r"https?://\S+", message.text()))
    assert f"{FRONTEND}/arbeitskreise/software/gemeinsamer-entwurf/" in links
    # Everything else it links lives in the admin, under its public address.
    assert {link for link in links if not link.startswith(FRONTEND)} == {
        f"{ADMIN}/admin/account/#tab-notifications"
    }
