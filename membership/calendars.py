"""iCalendar documents of meetings (RFC 5545, built with the icalendar library)."""

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from workgroups.models import EventPage


def calendar_build(
    *, events: Iterable[EventPage], name: str, public_urls: dict[int, str] | None = None
) -> bytes:
    """One VCALENDAR with a VEVENT per meeting; ``public_urls`` adds links to public pages."""
    public_urls = public_urls or {}
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Sprachrohr//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    now = timezone.now()
    for page in events:
        event = Event()
        # Stable per page, so calendar apps update a moved meeting instead of duplicating it.
        event.add("uid", f"event-{page.pk}@{host}")
        event.add("dtstamp", page.last_published_at or now)
        event.add("summary", page.title)
        event.add("dtstart", page.starts_at)
        if page.ends_at:
            event.add("dtend", page.ends_at)
        if page.location:
            event.add("location", page.location)
        if page.description:
            event.add("description", page.description)
        if page.pk in public_urls:
            event.add("url", public_urls[page.pk])
        calendar.add_component(event)
    return calendar.to_ical()
