"""Deadline reminders: 14, 7, 2 days before and on the day, each exactly once, over real SMTP."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import PositionPaperPageFactory, RegulatoryProjectFactory, UserFactory
from workspace.models import DeadlineReminder

pytestmark = pytest.mark.django_db

DUE = dt.date(2026, 6, 30)


def _run(day: dt.date) -> None:
    # A fresh command run per call: all state between runs lives in the database, as it
    # does across a scheduler restart.
    call_command("send_deadline_reminders", date=day.isoformat(), verbosity=0)


@pytest.fixture
def reminded(group_software, group_security, member_software, chair_software, member_security):
    project = RegulatoryProjectFactory(title="Cloud-Gesetz", consultation_deadline=DUE)
    security_chair = UserFactory(
        username="leitung-sicherheit", groups=[group_security.access.chairs]
    )
    draft = PositionPaperPageFactory(
        parent=group_software,
        title="Stellungnahme Cloud-Gesetz",
        publish=False,
        owner=member_software,
        regulatory_projects=[project],
        co_working_groups=[group_security],
    )
    draft.save()
    draft.save_revision(user=member_software)
    return {
        "draft": draft,
        "recipients": {
            member_software.email,
            chair_software.email,
            security_chair.email,
        },
    }


def _addresses(mailbox) -> list[str]:
    return sorted(address for message in mailbox.messages for address in message.envelope_to)


def test_each_stage_goes_out_exactly_once_to_leads_and_authors(mailbox, reminded, member_security):
    expected = sorted(reminded["recipients"])

    _run(DUE - dt.timedelta(days=15))
    assert mailbox.messages == []  # too early

    _run(DUE - dt.timedelta(days=14))
    assert _addresses(mailbox) == expected
    message = mailbox.to(next(iter(reminded["recipients"])))[0]
    assert message.subject == "Frist noch 14 Tage: Stellungnahme Cloud-Gesetz"
    assert "30.06.2026" in message.text() and "Cloud-Gesetz" in message.text()
    assert f"/admin/pages/{reminded['draft'].pk}/edit/" in message.text()

    # A second run the same day and a "restart" (another run, new process state) send nothing.
    _run(DUE - dt.timedelta(days=14))
    _run(DUE - dt.timedelta(days=14))
    _run(DUE - dt.timedelta(days=13))
    assert _addresses(mailbox) == expected

    for days, subject in ((7, "Frist noch 7 Tage"), (2, "Frist noch 2 Tage"), (0, "Frist heute")):
        mailbox.clear()
        _run(DUE - dt.timedelta(days=days))
        _run(DUE - dt.timedelta(days=days))
        assert _addresses(mailbox) == expected
        assert {m.subject for m in mailbox.messages} == {f"{subject}: Stellungnahme Cloud-Gesetz"}

    assert member_security.email not in _addresses(mailbox)
    assert DeadlineReminder.objects.count() == 4 * len(expected)
    mailbox.clear()
    _run(DUE + dt.timedelta(days=1))
    assert mailbox.messages == []


def test_a_missed_stage_is_sent_late_once_and_an_older_one_not_at_all(mailbox, reminded):
    expected = sorted(reminded["recipients"])
    _run(DUE - dt.timedelta(days=5))  # the scheduler was down from day 14 to day 6
    assert _addresses(mailbox) == expected
    assert {m.subject for m in mailbox.messages} == {
        "Frist noch 5 Tage: Stellungnahme Cloud-Gesetz"
    }
    assert set(DeadlineReminder.objects.values_list("days_before", flat=True)) == {7}
    _run(DUE - dt.timedelta(days=4))
    assert len(mailbox.messages) == len(expected)


def test_a_new_due_date_starts_its_own_reminders(mailbox, reminded):
    from workspace.services import paper_deadline_set

    _run(DUE - dt.timedelta(days=14))
    first = len(mailbox.messages)
    internal = DUE - dt.timedelta(days=10)
    paper_deadline_set(
        page=reminded["draft"], internal_due_date=internal, today=DUE - dt.timedelta(days=14)
    )
    mailbox.clear()
    _run(internal - dt.timedelta(days=7))
    assert len(mailbox.messages) == first
    assert "interne Frist" in mailbox.messages[0].text()


def test_published_papers_get_no_reminders(mailbox, group_software, chair_software):
    project = RegulatoryProjectFactory(consultation_deadline=DUE)
    PositionPaperPageFactory(parent=group_software, regulatory_projects=[project])
    _run(DUE - dt.timedelta(days=7))
    assert mailbox.messages == []


def test_the_scheduler_sends_the_reminders_of_today(mailbox, reminded, monkeypatch):
    # The loop's connection housekeeping would close the test transaction's connection.
    monkeypatch.setattr("cms.management.commands.run_scheduler.close_old_connections", lambda: None)
    project = reminded["draft"].regulatory_projects.get()
    project.consultation_deadline = timezone.localdate() + dt.timedelta(days=7)
    project.save()

    call_command("run_scheduler", once=True)
    call_command("run_scheduler", once=True)

    assert _addresses(mailbox) == sorted(reminded["recipients"])
