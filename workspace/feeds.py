"""The public iCalendar feed of open consultation deadlines (/feeds/deadlines.ics, RFC 5545)."""

import datetime as dt
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from workspace.selectors import consultations_open

PRODID = "-//Sprachrohr//Fristen der Anhörungen//DE"


def deadlines_calendar(*, today: dt.date | None = None) -> icalendar.Calendar:
    """One all-day VEVENT per open consultation, on its deadline."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Fristen – %(site)s") % {"site": settings.WAGTAIL_SITE_NAME})
    host = urlsplit(settings.FRONTEND_URL).hostname or "sprachrohr"
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for project in consultations_open(today=today):
        event = icalendar.Event()
        # Stable per project: a calendar updates the event when the deadline moves.
        event.add("uid", f"frist-{project.slug}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", project.consultation_deadline)
        event.add("dtend", project.consultation_deadline + dt.timedelta(days=1))
        event.add("summary", _("Frist: %(title)s") % {"title": project.title})
        event.add("url", f"{settings.FRONTEND_URL}/regelungsvorhaben#{project.slug}")
        if project.responsible:
            event.add("description", _("Federführung: %(who)s") % {"who": project.responsible})
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar


@require_safe
def deadlines_feed(request):
    """``/feeds/deadlines.ics``: the open consultations with their deadlines."""
    response = HttpResponse(
        deadlines_calendar().to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="fristen.ics"'
    return response
