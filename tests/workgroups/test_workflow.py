"""The review workflow: draft → Arbeitskreis-Review → Redaktion-Freigabe → live, in the admin."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import PositionPaperPageFactory
from workgroups.models import PositionPaperPage

pytestmark = pytest.mark.django_db


def paper_form_data(paper: PositionPaperPage, **overrides) -> dict:
    """The POST body of the paper edit form, as the admin would send it."""
    data = {
        "title": paper.title,
        "slug": paper.slug,
        "subtitle": paper.subtitle,
        "verdict": paper.verdict,
        "key_demands": inline_formset([{"text": "Verbindliche Auskunft zur Betroffenheit"}]),
        "summary": paper.summary,
        "body": streamfield(
            [("paragraph", rich_text("<p>Der Arbeitskreis fordert Klarheit.</p>"))]
        ),
        "paper_type": paper.paper_type,
        "status": paper.status,
        "publication_date": paper.publication_date.isoformat() if paper.publication_date else "",
        "version_label": paper.version_label,
        "citation_id": paper.citation_id or "",
        "tags": "KI, Mittelstand",
        "dispatches": inline_formset([]),
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def _form_errors(response) -> str:
    form = response.context.get("form") if response.context else None
    return str(form.errors.as_data()) if form is not None else response.content.decode()[:500]


def _recipients(mailbox) -> set[str]:
    return {address for message in mailbox.messages for address in message.envelope_to}


def test_paper_goes_from_draft_through_both_reviews_to_live(
    client, group_software, member_software, chair_software, editor, mailbox
):
    draft = PositionPaperPageFactory(
        parent=group_software, title="Entwurf KI-Reallabore", publish=False
    )
    assert not draft.live

    # 1. The member edits the draft and submits it for review.
    client.force_login(member_software)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        paper_form_data(draft, **{"action-submit": "1"}),
    )
    assert response.status_code == 302, _form_errors(response)
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Arbeitskreis-Review: Arbeitskreis Software"
    assert not PositionPaperPage.objects.get(pk=draft.pk).live
    assert chair_software.email in _recipients(mailbox)

    # The member cannot approve their own group's review step.
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    state.refresh_from_db()
    assert state.current_task_state.pk == task_state.pk

    # 2. The chair approves the working-group review.
    mailbox.clear()
    client.force_login(chair_software)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]),
        {"comment": "Fachlich abgestimmt."},
    )
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Redaktion-Freigabe"
    assert not PositionPaperPage.objects.get(pk=draft.pk).live
    assert editor.email in _recipients(mailbox)

    # The chair cannot give the editors' approval.
    second = state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", second.pk]),
        {"comment": ""},
    )
    assert not PositionPaperPage.objects.get(pk=draft.pk).live

    # 3. The editor approves and thereby publishes.
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", second.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    published = PositionPaperPage.objects.get(pk=draft.pk)
    assert published.live
    assert [d.text for d in published.key_demands.all()] == [
        "Verbindliche Auskunft zur Betroffenheit"
    ]
    assert sorted(published.tags.names()) == ["KI", "Mittelstand"]


def test_editor_can_reject_back_to_the_working_group(
    client, group_software, member_software, chair_software, editor
):
    draft = PositionPaperPageFactory(parent=group_software, publish=False)
    client.force_login(member_software)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        paper_form_data(draft, **{"action-submit": "1"}),
    )
    assert response.status_code == 302, _form_errors(response)
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    client.force_login(chair_software)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[draft.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    state.refresh_from_db()
    client.force_login(editor)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[draft.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": "Bitte die Quellen ergänzen."},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not PositionPaperPage.objects.get(pk=draft.pk).live


def test_member_may_save_drafts_and_comment(client, group_software, member_software):
    draft = PositionPaperPageFactory(parent=group_software, publish=False)
    client.force_login(member_software)
    data = paper_form_data(
        draft,
        comments=inline_formset(
            [
                {
                    "contentpath": "title",
                    "text": "Titel kürzen?",
                    "position": "",
                    "replies": inline_formset([]),
                }
            ]
        ),
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 302, _form_errors(response)
    assert draft.wagtail_admin_comments.get().text == "Titel kürzen?"
    assert draft.revisions.count() == 1
    assert not PositionPaperPage.objects.get(pk=draft.pk).live


def test_member_publish_attempt_through_edit_form_does_not_publish(
    client, group_software, member_software
):
    draft = PositionPaperPageFactory(parent=group_software, publish=False)
    client.force_login(member_software)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        paper_form_data(draft, **{"action-publish": "1"}),
    )
    assert not PositionPaperPage.objects.get(pk=draft.pk).live
