"""A saved search alerts for exactly the papers the search returns (same service, same rules)."""

import datetime as dt

from django.utils import timezone

from alerts.models import Subscription, TopicKind
from alerts.selectors import topic_describe
from alerts.services import digests_send
from tests.factories import PositionPaperPageFactory

EMAIL = "suche@example.org"


def test_saved_search_alerts_equal_search_results(
    search_engine, world, subscribe, client, mailbox, committed
):
    params = {"q": "Rechenzentrum", "working_group": "software"}
    subscribe(EMAIL, {"query": params})
    mailbox.clear()
    with committed():
        for title, group, status in [
            ("Rechenzentrum Leipzig", world.software, "aktuell"),
            ("Rechenzentren in Sachsen", world.software, "aktuell"),
            ("Rechenzentrum Erfurt", world.security, "aktuell"),  # other group
            ("Breitband auf dem Land", world.software, "aktuell"),  # other words
            ("Rechenzentrum Halle", world.software, "zurueckgezogen"),  # never found
        ]:
            PositionPaperPageFactory(parent=group, title=title, status=status)
    alerted = sorted(
        line.removeprefix("* ") for m in mailbox.to(EMAIL) for line in m.text().splitlines()
        if line.startswith("* ")
    )  # fmt: skip
    found = client.get("/api/v1/search/", params).json()["results"]
    assert alerted == sorted(paper["title"] for paper in found)
    assert "Rechenzentrum Leipzig" in alerted
    assert "Rechenzentrum Erfurt" not in alerted
    assert "Rechenzentrum Halle" not in alerted


def test_saved_search_digest_lists_only_found_papers(
    database_search, world, subscribe, mailbox, committed
):
    subscribe(EMAIL, {"query": {"q": "Rechenzentrum"}}, "täglich")
    mailbox.clear()
    with committed():
        PositionPaperPageFactory(parent=world.software, title="Rechenzentrum Leipzig")
        PositionPaperPageFactory(parent=world.software, title="Breitband auf dem Land")
    assert digests_send(now=timezone.now() + dt.timedelta(days=2)) == 1
    text = mailbox.to(EMAIL)[0].text()
    assert "Rechenzentrum Leipzig" in text
    assert "Breitband" not in text


def test_topic_describe_names_a_group_once(make_group):
    make_group("Arbeitskreis Software", "software")
    make_group("Green IT", "green-it")

    def described(slug: str) -> str:
        return topic_describe(subscription=Subscription(kind=TopicKind.WORKING_GROUP, value=slug))

    assert described("software") == "„Arbeitskreis Software“"
    assert described("green-it") == "Arbeitskreis „Green IT“"
