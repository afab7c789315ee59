"""The public iCalendar feed of open consultations, parsed with the icalendar library."""

import datetime as dt

import icalendar
import pytest
from django.utils import timezone

from tests.factories import RegulatoryProjectFactory

pytestmark = pytest.mark.django_db


def test_deadlines_feed_lists_open_consultations_as_rfc5545(client, site_tree):
    today = timezone.localdate()
    soon = RegulatoryProjectFactory(
        title="Datenschutz-Anpassungsgesetz",
        slug="dsanpg",
        consultation_deadline=today + dt.timedelta(days=12),
    )
    RegulatoryProjectFactory(title="Heute endet es", consultation_deadline=today)
    RegulatoryProjectFactory(title="Schon vorbei", consultation_deadline=today - dt.timedelta(1))
    RegulatoryProjectFactory(title="Ohne Frist", consultation_deadline=None)

    response = client.get("/feeds/deadlines.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Frist: Heute endet es",
        "Frist: Datenschutz-Anpassungsgesetz",
    ]
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"):
            assert prop in event
        start = event.decoded("DTSTART")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)
        assert isinstance(event.decoded("DTSTAMP"), dt.datetime)
    event = events[1]
    assert event.decoded("DTSTART") == soon.consultation_deadline
    assert str(event["UID"]).startswith("frist-dsanpg@")
    assert str(event["URL"]).endswith("/regelungsvorhaben#dsanpg")
    assert len({str(e["UID"]) for e in events}) == 2


def test_deadlines_feed_refuses_writes(client, site_tree):
    assert client.post("/feeds/deadlines.ics").status_code == 405
