"""The first review step: the lead of every authoring group approves, each group is notified."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from review.models import GroupLeadApproval, GroupLeadsApprovalTask
from tests.workgroups.test_workflow import paper_form_data
from workgroups.models import PositionPaperPage

pytestmark = pytest.mark.django_db


def _recipients(mailbox) -> set[str]:
    return {address for message in mailbox.messages for address in message.envelope_to}


def _action(client, user, paper, action, task_state, comment=""):
    client.force_login(user)
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[paper.pk, action, task_state.pk]),
        {"comment": comment},
    )


def _submit_joint_draft(client, draft, member, coauthor_group):
    client.force_login(member)
    data = paper_form_data(draft, **{"action-submit": "1"})
    data["co_working_groups"] = [str(coauthor_group.pk)]
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 302
    return WorkflowState.objects.get(object_id=str(draft.pk))


def test_joint_paper_needs_the_approval_of_each_groups_lead(
    client,
    software_draft,
    group_security,
    member_software,
    chair_software,
    chair_security,
    editor,
    mailbox,
):
    state = _submit_joint_draft(client, software_draft, member_software, group_security)
    first = state.current_task_state
    assert isinstance(first.task.specific, GroupLeadsApprovalTask)
    assert first.task.specific.get_verbose_name() == "Freigabe durch die Arbeitskreisleitungen"
    # Both authoring groups' leads are asked, through a real SMTP server.
    assert {chair_software.email, chair_security.email} <= _recipients(mailbox)
    assert editor.email not in _recipients(mailbox)

    # The software lead approves: the step waits for the co-authoring group's lead.
    _action(client, chair_software, software_draft, "approve", first, "Passt für Software.")
    state.refresh_from_db()
    assert state.current_task_state.pk == first.pk
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert list(
        GroupLeadApproval.objects.filter(task_state=first).values_list("working_group", flat=True)
    ) == [software_draft.get_parent().pk]
    # A second approval of the same lead changes nothing.
    response = _action(client, chair_software, software_draft, "approve", first)
    assert response.status_code in (302, 403)
    state.refresh_from_db()
    assert state.current_task_state.pk == first.pk

    # The co-authoring group's lead approves: the editors' step begins.
    mailbox.clear()
    _action(client, chair_security, software_draft, "approve", first)
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Redaktion-Freigabe"
    assert GroupLeadApproval.objects.filter(task_state=first).count() == 2
    assert editor.email in _recipients(mailbox)
    assert not PositionPaperPage.objects.get(pk=software_draft.pk).live


def test_a_member_of_the_coauthoring_group_cannot_approve(
    client, software_draft, group_security, member_software, member_security, chair_software
):
    state = _submit_joint_draft(client, software_draft, member_software, group_security)
    first = state.current_task_state
    _action(client, chair_software, software_draft, "approve", first)
    response = _action(client, member_security, software_draft, "approve", first)
    assert response.status_code in (302, 403, 404)
    state.refresh_from_db()
    assert state.current_task_state.pk == first.pk
    assert GroupLeadApproval.objects.filter(task_state=first).count() == 1


def test_either_lead_may_request_changes(
    client, software_draft, group_security, member_software, chair_security
):
    state = _submit_joint_draft(client, software_draft, member_software, group_security)
    _action(client, chair_security, software_draft, "reject", state.current_task_state, "Quellen?")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_the_lead_sees_the_paper_among_the_reviews_awaiting_them(
    client, software_draft, group_security, member_software, chair_security, chair_software
):
    state = _submit_joint_draft(client, software_draft, member_software, group_security)
    task = state.current_task_state.task.specific
    assert list(task.get_task_states_user_can_moderate(chair_security)) == [
        state.current_task_state
    ]
    _action(client, chair_security, software_draft, "approve", state.current_task_state)
    assert list(task.get_task_states_user_can_moderate(chair_security)) == [
        state.current_task_state
    ]
