"""The Mitzeichnung round: quorum, veto, who may answer, signatories at publication."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import TaskState, WorkflowState

from signoff.models import Decision, SignoffAnswer, SignoffTaskState
from signoff.services import signoff_answer
from tests.factories import OrganisationFactory, UserFactory
from workgroups.models import PositionPaperPage
from workgroups.services.people import member_profile_set

pytestmark = pytest.mark.django_db


def test_the_round_follows_the_group_review_and_asks_the_groups_companies(in_signoff, companies):
    signoff = in_signoff()
    assert signoff.round.task.name == "Mitzeichnung der Mitgliedsunternehmen"
    assert set(signoff.round.organisations.all()) == {c.organisation for c in companies}
    assert signoff.round.deadline == signoff.round.started_at + dt.timedelta(days=14)


def test_quorum_passes_the_paper_on_to_the_editors(in_signoff, companies):
    signoff = in_signoff(quorum=Decimal("0.5"))
    signoff_answer(task_state=signoff.round, user=companies[0].contact, decision=Decision.SIGN)
    signoff_answer(task_state=signoff.round, user=companies[1].contact, decision=Decision.ABSTAIN)
    signoff.round.refresh_from_db()
    assert signoff.round.status == TaskState.STATUS_IN_PROGRESS  # 1 of 4 signed

    signoff_answer(task_state=signoff.round, user=companies[2].contact, decision=Decision.SIGN)
    signoff.round.refresh_from_db()
    signoff.workflow_state.refresh_from_db()
    assert signoff.round.status == TaskState.STATUS_APPROVED  # 2 of 4 = half
    assert signoff.workflow_state.current_task_state.task.name == "Redaktion-Freigabe"


def test_veto_sends_the_paper_back_to_the_group(in_signoff, companies):
    signoff = in_signoff(veto_threshold=2)
    signoff_answer(task_state=signoff.round, user=companies[0].contact, decision=Decision.OBJECT)
    signoff.round.refresh_from_db()
    assert signoff.round.status == TaskState.STATUS_IN_PROGRESS  # one objection is not a veto

    signoff_answer(
        task_state=signoff.round,
        user=companies[1].contact,
        decision=Decision.OBJECT,
        comment="Abschnitt 3 widerspricht unserer Produktstrategie.",
    )
    signoff.round.refresh_from_db()
    signoff.workflow_state.refresh_from_db()
    assert signoff.round.status == TaskState.STATUS_REJECTED
    assert signoff.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_only_contacts_of_participating_companies_can_answer(
    in_signoff, companies, member_software, chair_software, editor
):
    signoff = in_signoff()
    stranger_company = OrganisationFactory(slug="fremdfirma")  # not in the software group
    stranger = UserFactory(username="fremd")
    member_profile_set(user=stranger, organisation=stranger_company, signs_for_organisation=True)
    colleague = UserFactory(username="kollegin")  # works for a participant, is not its contact
    member_profile_set(user=colleague, organisation=companies[0].organisation)
    for user in (stranger, colleague, member_software, chair_software, editor):
        with pytest.raises(PermissionDenied):
            signoff_answer(task_state=signoff.round, user=user, decision=Decision.SIGN)
    assert not SignoffAnswer.objects.exists()


def test_one_answer_per_company_with_every_change_kept(in_signoff, companies):
    signoff = in_signoff(quorum=Decimal("1"))
    contact = companies[0].contact
    signoff_answer(task_state=signoff.round, user=contact, decision=Decision.ABSTAIN)
    signoff_answer(task_state=signoff.round, user=contact, decision=Decision.SIGN, comment="Ok")
    answer = SignoffAnswer.objects.get()
    assert (answer.decision, answer.comment, answer.answered_by) == (Decision.SIGN, "Ok", contact)
    assert [c.decision for c in answer.changes.all()] == [Decision.ABSTAIN, Decision.SIGN]


def test_bad_decision_is_a_german_error_and_saves_nothing(in_signoff, companies):
    signoff = in_signoff()
    with pytest.raises(ValidationError, match="mitzeichnen, enthalten oder widersprechen"):
        signoff_answer(task_state=signoff.round, user=companies[0].contact, decision="maybe")
    assert not SignoffAnswer.objects.exists()


def test_a_closed_round_takes_no_answers(in_signoff, companies):
    signoff = in_signoff(veto_threshold=1)
    signoff_answer(task_state=signoff.round, user=companies[0].contact, decision=Decision.OBJECT)
    with pytest.raises(PermissionDenied):
        signoff_answer(task_state=signoff.round, user=companies[1].contact, decision=Decision.SIGN)


def test_published_signatories_come_from_the_signoff(in_signoff, companies, editor):
    signoff = in_signoff(quorum=Decimal("0.5"))
    hand_filled = OrganisationFactory(slug="handverlesen")
    signoff.paper.signatories.set([hand_filled])
    signoff.paper.save_revision()
    for company in companies[:2]:
        signoff_answer(task_state=signoff.round, user=company.contact, decision=Decision.SIGN)
    signoff.workflow_state.refresh_from_db()
    signoff.workflow_state.current_task_state.approve(user=editor)  # the editors publish

    paper = PositionPaperPage.objects.get(pk=signoff.paper.pk)
    assert paper.live
    expected = {c.organisation.pk for c in companies[:2]}
    assert set(paper.signatories.values_list("pk", flat=True)) == expected
    assert set(paper.get_latest_revision().content["signatories"]) == expected


def test_a_group_without_companies_skips_the_round(
    group_security, member_security, editor, site_tree
):
    from tests.factories import PositionPaperPageFactory

    chairs = group_security.access.chairs
    chair = UserFactory(username="leitung-sicherheit", groups=[chairs])
    paper = PositionPaperPageFactory(parent=group_security, publish=False)
    paper.save_revision(user=member_security)
    paper.get_workflow().start(paper, member_security)
    state = WorkflowState.objects.get(object_id=str(paper.pk))
    state.current_task_state.approve(user=chair)
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Redaktion-Freigabe"
    assert SignoffTaskState.objects.get().status == TaskState.STATUS_APPROVED
