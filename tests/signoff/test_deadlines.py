"""The Schweigefrist: at its end the scheduler completes the round, silence counting as consent."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import TaskState

from signoff.models import Decision
from signoff.selectors import signoff_signatories
from signoff.services import signoff_answer, signoff_deadlines_run
from tests.conftest import DATABASE_TASKS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_completes_the_round_when_the_schweigefrist_ends(
    in_signoff, companies, monkeypatch
):
    with override_settings(TASKS=DATABASE_TASKS):
        signoff = in_signoff(quorum=Decimal("0.75"), silence_days=7)
        deadline = signoff.round.deadline
        queued = DBTaskResult.objects.get(task_path="signoff.tasks.signoff_deadlines")
        assert queued.task_result.task.run_after == deadline + dt.timedelta(seconds=1)
        signoff_answer(task_state=signoff.round, user=companies[0].contact, decision=Decision.SIGN)
        signoff_answer(
            task_state=signoff.round, user=companies[1].contact, decision=Decision.ABSTAIN
        )

        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        signoff.round.refresh_from_db()
        assert signoff.round.status == TaskState.STATUS_IN_PROGRESS  # a week to go

        later = deadline + dt.timedelta(seconds=2)
        monkeypatch.setattr(timezone, "now", lambda: later)
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    signoff.round.refresh_from_db()
    # 1 signed + 2 silent = 3 of 4 companies: the quorum of three quarters is met.
    assert signoff.round.status == TaskState.STATUS_APPROVED
    signoff.workflow_state.refresh_from_db()
    assert signoff.workflow_state.current_task_state.task.name == "Redaktion-Freigabe"
    assert set(signoff_signatories(task_state=signoff.round)) == {
        companies[0].organisation,
        companies[2].organisation,
        companies[3].organisation,
    }


@pytest.mark.django_db
def test_a_missed_quorum_at_the_deadline_goes_back_to_the_group(in_signoff, companies):
    signoff = in_signoff(quorum=Decimal("0.75"))
    for company in companies[:2]:
        signoff_answer(task_state=signoff.round, user=company.contact, decision=Decision.ABSTAIN)
    assert signoff_deadlines_run(now=signoff.round.deadline - dt.timedelta(minutes=1)) == 0
    assert signoff_deadlines_run(now=signoff.round.deadline) == 1
    signoff.round.refresh_from_db()
    assert signoff.round.status == TaskState.STATUS_REJECTED  # 2 silent of 4 < 3/4


@pytest.mark.django_db
def test_answers_after_the_deadline_are_refused(in_signoff, companies, monkeypatch):
    from django.core.exceptions import ValidationError

    signoff = in_signoff()
    later = signoff.round.deadline + dt.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with pytest.raises(ValidationError, match="Schweigefrist ist abgelaufen"):
        signoff_answer(task_state=signoff.round, user=companies[0].contact, decision=Decision.SIGN)
