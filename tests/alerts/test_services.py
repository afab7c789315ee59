"""Subscribe → confirm → publish → exactly one alert (or digest) → unsubscribe, per topic and frequency."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from alerts.models import Delivery, Subscription
from alerts.services import (
    alerts_for_paper,
    alerts_scheduled_run,
    deadline_reminders_send,
    digests_send,
)
from tests.factories import PositionPaperPageFactory

EMAIL = "buero.mueller@example.org"
TOPICS = {
    "working_group": {"working_group": "software"},
    "tag": {"tag": "cloud"},
    "regulatory_project": {"regulatory_project": "nis2"},
    "paper": {"paper": "cloud-strategie"},
    "query": {"query": {"q": "Rechenzentrum"}},
}


def publish_news(world, kind: str, version: str = "2.0"):
    """Publish something the topic follows: a new version of the paper, else a new paper."""
    if kind == "paper":
        paper = world.paper
        paper.version_label = version
        paper.save_revision().publish()
        return paper
    return PositionPaperPageFactory(
        parent=world.software,
        title=f"Rechenzentrum Leipzig {version}",
        slug=f"rechenzentrum-leipzig-{version.replace('.', '-')}",
        tags=["Cloud"],
        regulatory_projects=[world.project],
    )


def one_click(mail) -> int:
    """Unsubscribe as a mail client does (RFC 8058): POST to the header's URL, no session."""
    url = re.fullmatch(r"\s*<http://testserver([^>]+)>\s*", mail.header("List-Unsubscribe"))[1]
    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    return response.status_code


FREQUENCIES = {"sofort": "sofort@example.org", "täglich": "taeglich@example.org"}
FREQUENCIES["wöchentlich"] = "woechentlich@example.org"


@pytest.mark.parametrize("kind", list(TOPICS))
def test_subscribe_confirm_publish_alert_unsubscribe(kind, world, subscribe, mailbox, committed):
    # One address per frequency follows the same topic.
    for frequency, email in FREQUENCIES.items():
        subscribe(email, TOPICS[kind], frequency)
    mailbox.clear()

    with committed():
        paper = publish_news(world, kind)

    assert len(mailbox.to(FREQUENCIES["sofort"])) == 1
    assert mailbox.to(FREQUENCIES["täglich"]) == []  # collected for the digests
    assert mailbox.to(FREQUENCIES["wöchentlich"]) == []
    assert digests_send(now=timezone.now()) == 0  # not before the next digest time
    assert digests_send(now=timezone.now() + dt.timedelta(days=8)) == 2
    assert digests_send(now=timezone.now() + dt.timedelta(days=9)) == 0
    for email in FREQUENCIES.values():
        alerts = mailbox.to(email)
        assert len(alerts) == 1, email
        alert = alerts[0]
        assert paper.title in alert.text()
        assert f"http://127.0.0.1:3000/arbeitskreise/software/{paper.slug}" in alert.text()
        assert one_click(alert) == 200
    assert not Subscription.objects.exists()

    mailbox.clear()
    with committed():
        publish_news(world, kind, version="3.0")
    digests_send(now=timezone.now() + dt.timedelta(days=8))
    assert mailbox.messages == []


def test_publishing_an_unchanged_version_again_sends_nothing(world, subscribe, mailbox, committed):
    subscribe(EMAIL, {"working_group": "software"})
    mailbox.clear()
    with committed():
        paper = publish_news(world, "working_group")
    assert len(mailbox.to(EMAIL)) == 1
    with committed():
        paper.save_revision().publish()
    assert len(mailbox.to(EMAIL)) == 1
    assert Delivery.objects.count() == 1


def test_a_late_alert_task_tells_no_one_who_subscribed_after_the_version(
    world, subscribe, mailbox, committed
):
    # The paper's alert task is still queued (a backlog) when someone subscribes to its group.
    subscribe(EMAIL, {"working_group": "software"})
    mailbox.clear()
    assert alerts_for_paper(page_id=world.paper.pk) == 0
    assert mailbox.to(EMAIL) == []
    # What comes out after the subscription is announced, once.
    with committed():
        publish_news(world, "paper")
    [mail] = mailbox.to(EMAIL)
    assert "Neue Version 2.0." in mail.text()


def test_supersession_and_withdrawal_each_alert_once(world, subscribe, mailbox, committed):
    subscribe(EMAIL, {"paper": "cloud-strategie"})
    mailbox.clear()
    with committed():
        successor = PositionPaperPageFactory(parent=world.software, title="Cloud 2030")
        world.paper.status = "ueberholt"
        world.paper.superseded_by = successor
        world.paper.save_revision().publish()
    with committed():
        world.paper.status = "zurueckgezogen"
        world.paper.save_revision().publish()
    notes = [mail.text() for mail in mailbox.to(EMAIL)]
    assert len(notes) == 2
    assert "Überholt" in notes[0]
    assert "Zurückgezogen" in notes[1]


def test_other_topics_get_nothing(world, subscribe, mailbox, committed):
    subscribe(EMAIL, {"working_group": "it-sicherheit"})
    mailbox.clear()
    with committed():
        publish_news(world, "working_group")
    assert mailbox.to(EMAIL) == []


def test_unconfirmed_subscriptions_get_nothing(world, client, mailbox, committed):
    with committed():
        client.post(
            "/api/v1/subscriptions/",
            {"email": EMAIL, "working_group": "software", "frequency": "sofort"},
            "application/json",
        )
    mailbox.clear()
    with committed():
        publish_news(world, "working_group")
    assert mailbox.to(EMAIL) == []


def test_digest_leaves_out_a_paper_unpublished_since(world, subscribe, mailbox, committed):
    subscribe(EMAIL, {"working_group": "software"}, "täglich")
    mailbox.clear()
    with committed():
        kept = publish_news(world, "working_group", version="2.0")
        gone = publish_news(world, "working_group", version="2.1")
    with committed():
        gone.unpublish()
    assert digests_send(now=timezone.now() + dt.timedelta(days=2)) == 1
    (digest,) = mailbox.to(EMAIL)
    assert kept.title in digest.text()
    assert gone.title not in digest.text()


def test_deadline_notice_seven_days_ahead_once(world, subscribe, mailbox):
    subscribe(EMAIL, {"regulatory_project": "nis2"}, "wöchentlich")
    mailbox.clear()
    world.project.consultation_deadline = timezone.localdate() + dt.timedelta(days=7)
    world.project.save()
    assert deadline_reminders_send() == 1
    assert deadline_reminders_send() == 0
    (notice,) = mailbox.to(EMAIL)
    assert notice.subject.strip() == "Frist endet in 7 Tagen: NIS-2-Umsetzungsgesetz"
    assert notice.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"


def test_deadline_further_away_sends_nothing(world, subscribe, mailbox):
    subscribe(EMAIL, {"regulatory_project": "nis2"})
    mailbox.clear()
    assert deadline_reminders_send() == 0  # the deadline is 30 days away
    assert mailbox.to(EMAIL) == []


def test_unconfirmed_subscriptions_are_deleted_after_seven_days(
    world, client, subscribe, committed
):
    subscribe("bestaetigt@example.org", {"tag": "cloud"})
    with committed():
        client.post(
            "/api/v1/subscriptions/",
            {"email": "offen@example.org", "tag": "cloud", "frequency": "sofort"},
            "application/json",
        )
    assert alerts_scheduled_run(now=timezone.now() + dt.timedelta(days=6))["purged"] == 0
    assert alerts_scheduled_run(now=timezone.now() + dt.timedelta(days=8))["purged"] == 1
    assert list(Subscription.objects.values_list("email", flat=True)) == ["bestaetigt@example.org"]
