"""Counting searches and clicks into weekly rows, and forgetting weeks after the retention time."""

import datetime as dt
import logging

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.analytics.models import QUERY_MAX_LENGTH, ClickWeek, QueryWeek

logger = logging.getLogger(__name__)


def query_normalise(q: str) -> str:
    """The form a query is counted under: trimmed, single spaces, case-folded, cut at 100.

    Returns "" for a query that is not counted: empty, or one that looks like an e-mail
    address (people paste their own into search boxes; it is no search term).
    """
    text = " ".join(q.split()).casefold()[:QUERY_MAX_LENGTH]
    return "" if "@" in text else text


def week_of(day: dt.date) -> dt.date:
    """The Monday of the day's ISO week."""
    return day - dt.timedelta(days=day.weekday())


def _increment(model, keys: dict, **increments: int) -> None:
    # One UPDATE in the common case; a new row only for the week's first occurrence (and a
    # second UPDATE if another process created it at the same moment).
    changes = {name: F(name) + value for name, value in increments.items()}
    if model.objects.filter(**keys).update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **increments)
    except IntegrityError:
        model.objects.filter(**keys).update(**changes)


def search_query_record(*, q: str, count: int, today: dt.date | None = None) -> None:
    """Count one search for ``q`` that found ``count`` papers; never fails the search."""
    query = query_normalise(q)
    if not query:
        return
    week = week_of(today or timezone.localdate())
    try:
        _increment(
            QueryWeek,
            {"week": week, "query": query},
            searches=1,
            zero_results=1 if count == 0 else 0,
        )
    except DatabaseError:
        logger.warning("Suchanfrage nicht gezählt", exc_info=True)


def search_click_record(*, q: str, paper_id: int, today: dt.date | None = None) -> None:
    """Count one opened result of the query ``q``."""
    query = query_normalise(q)
    if not query:
        return
    week = week_of(today or timezone.localdate())
    _increment(ClickWeek, {"week": week, "query": query, "paper_id": paper_id}, clicks=1)


def search_analytics_prune(*, today: dt.date | None = None) -> int:
    """Delete the weeks older than SEARCH_ANALYTICS_RETENTION_DAYS; returns the rows deleted."""
    cutoff = week_of(
        (today or timezone.localdate())
        - dt.timedelta(days=settings.SEARCH_ANALYTICS_RETENTION_DAYS)
    )
    deleted = QueryWeek.objects.filter(week__lt=cutoff).delete()[0]
    return deleted + ClickWeek.objects.filter(week__lt=cutoff).delete()[0]
