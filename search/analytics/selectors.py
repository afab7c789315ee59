"""The editors' report: one week's top queries, zero-result queries and opened results."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Sum

from search.analytics.models import ClickWeek, QueryWeek

TOP = 25


@dataclass(frozen=True)
class WeekReport:
    week: dt.date
    searches: int
    top_queries: list[dict]
    zero_result_queries: list[dict]
    clicked_results: list[dict]


def weeks_recorded() -> list[dt.date]:
    """The weeks with any counts, newest first."""
    weeks = set(QueryWeek.objects.values_list("week", flat=True).distinct())
    weeks |= set(ClickWeek.objects.values_list("week", flat=True).distinct())
    return sorted(weeks, reverse=True)


def week_report(*, week: dt.date, limit: int | None = TOP) -> WeekReport:
    """The week's counts, largest first (``limit=None``: all rows, for the export)."""
    queries = QueryWeek.objects.filter(week=week)
    top = queries.order_by("-searches", "query").values("query", "searches", "zero_results")
    zero = (
        queries.filter(zero_results__gt=0)
        .order_by("-zero_results", "query")
        .values("query", "zero_results")
    )
    clicks = (
        ClickWeek.objects.filter(week=week)
        .order_by("-clicks", "query", "paper__title")
        .values("query", "paper__title", "clicks")
    )
    if limit is not None:
        top, zero, clicks = top[:limit], zero[:limit], clicks[:limit]
    return WeekReport(
        week=week,
        searches=queries.aggregate(n=Sum("searches"))["n"] or 0,
        top_queries=list(top),
        zero_result_queries=list(zero),
        clicked_results=[
            {"query": row["query"], "paper": row["paper__title"], "clicks": row["clicks"]}
            for row in clicks
        ],
    )
