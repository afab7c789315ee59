"""The sign-off's demo step: a paper waiting in its Mitzeichnung, one company has signed."""

from collections import Counter
from types import SimpleNamespace

import pytest
from wagtail.models import TaskState

from signoff.demo import DEMO_SLUG, signoff_demo
from signoff.models import Decision, SignoffAnswer, SignoffTaskState
from workgroups.models import PositionPaperPage

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_paper_in_signoff(group_software, companies, member_software):
    load = SimpleNamespace(created=Counter(), with_users=True)
    signoff_demo(load)
    signoff_demo(load)  # idempotent
    signoff_demo(SimpleNamespace(created=Counter(), with_users=False))  # partial loads: nothing

    paper = PositionPaperPage.objects.get(slug=DEMO_SLUG)
    assert not paper.live and load.created["pages"] == 1
    task_state = SignoffTaskState.objects.for_instance(paper).get()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert task_state.organisations.count() == 4
    answer = SignoffAnswer.objects.get(task_state=task_state)
    assert (answer.answered_by, answer.decision) == (member_software, Decision.SIGN)
