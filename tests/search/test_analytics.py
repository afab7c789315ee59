"""Search statistics: weekly counts of queries, zero results and opened results, for editors only."""

import csv
import datetime as dt
import io

import pytest
from django.core import signals
from django.db import close_old_connections
from django.test import Client, RequestFactory

from cms.scheduler import scheduler_round
from search.analytics.models import ClickWeek, QueryWeek
from search.analytics.services import search_analytics_prune, search_query_record, week_of
from search.api.views import SearchView
from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db


def searched(q: str, **params) -> dict:
    response = Client().get("/api/v1/search/", {"q": q, **params})
    assert response.status_code == 200, response.content[:400]
    return response.json()


def counts() -> dict[str, tuple[int, int]]:
    return {row.query: (row.searches, row.zero_results) for row in QueryWeek.objects.all()}


def test_searches_are_counted_per_normalised_query_cached_or_not(search_engine, make_paper):
    make_paper("Cloud für Behörden", text="Eine souveräne Cloud.")
    first = searched("Cloud")
    again = searched("  cloud ")
    assert first["count"] == again["count"] == 1
    searched("Quantenzauber")
    searched("Cloud", page=1, page_size=1)
    # Later pages of the same search are the same search; an e-mail address is no query.
    searched("Cloud", page=1, page_size=1)
    searched("max@example.org")
    assert counts() == {"cloud": (4, 0), "quantenzauber": (1, 1)}
    assert set(QueryWeek.objects.values_list("week", flat=True)) == {week_of(dt.date.today())}


def test_a_search_is_counted_after_its_answer_has_gone_out(database_search, make_paper):
    # The server closes a response once it has sent it; only then is the row written.
    make_paper("Cloud für Behörden", text="Eine souveräne Cloud.")
    response = SearchView.as_view()(RequestFactory().get("/api/v1/search/", {"q": "Cloud"}))
    assert response.status_code == 200
    assert counts() == {}
    # As Django's test client does: closing must not close the test's database connection.
    signals.request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        signals.request_finished.connect(close_old_connections)
    assert counts() == {"cloud": (1, 0)}


def test_a_page_past_the_first_and_a_failed_request_count_nothing(database_search, make_paper):
    for n in range(3):
        make_paper(f"Cloud {n}", text="Cloud")
    searched("Cloud", page=2, page_size=1)
    assert Client().get("/api/v1/search/", {"q": "Cloud", "page": 0}).status_code == 400
    assert counts() == {}


def test_an_opened_result_is_counted_and_answers_with_its_path(database_search, make_paper):
    paper = make_paper("Cloud für Behörden", text="Cloud")
    client = Client()
    for _ in range(2):
        response = client.post(
            "/api/v1/search/clicks/",
            {"q": "Cloud", "paper": paper.slug},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
    url = response.json()["url"]
    assert url.startswith("/") and url.endswith(f"/{paper.slug}/") and "//" not in url
    assert response["Cache-Control"] == "no-store"
    assert list(ClickWeek.objects.values_list("query", "paper_id", "clicks")) == [
        ("cloud", paper.pk, 2)
    ]


def test_a_draft_or_bad_input_is_no_click(database_search, group_software):
    draft = PositionPaperPageFactory(parent=group_software, title="Geheim", publish=False)
    client = Client()
    response = client.post(
        "/api/v1/search/clicks/", {"q": "x", "paper": draft.slug}, content_type="application/json"
    )
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    response = client.post("/api/v1/search/clicks/", {"q": "x"}, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert not ClickWeek.objects.exists()


def test_weeks_older_than_twelve_months_are_deleted():
    today = dt.date(2026, 12, 1)
    search_query_record(q="alt", count=1, today=today - dt.timedelta(days=372))
    search_query_record(q="jung", count=0, today=today - dt.timedelta(days=300))
    assert search_analytics_prune(today=today) == 1
    assert set(counts()) == {"jung"}


def test_the_scheduler_runs_the_pruning():
    search_query_record(q="alt", count=1, today=dt.date.today() - dt.timedelta(days=400))
    assert scheduler_round() == []
    assert counts() == {}


def test_nothing_personal_is_stored():
    fields = {field.name for field in QueryWeek._meta.get_fields()}
    assert fields == {"id", "week", "query", "searches", "zero_results"}
    fields = {field.name for field in ClickWeek._meta.get_fields()}
    assert fields == {"id", "week", "query", "paper", "clicks"}


def test_editors_read_the_report_and_its_csv(client, editor, make_paper):
    paper = make_paper("Cloud für Behörden", text="Cloud")
    week = dt.date(2026, 11, 23)
    search_query_record(q="Cloud", count=3, today=week)
    search_query_record(q="Cloud", count=3, today=week + dt.timedelta(days=2))
    search_query_record(q="Quantenzauber", count=0, today=week)
    ClickWeek.objects.create(week=week, query="cloud", paper=paper, clicks=5)
    search_query_record(q="Andere Woche", count=1, today=week - dt.timedelta(days=7))
    client.force_login(editor)
    page = client.get("/admin/reports/suchstatistik/", {"woche": "2026-11-25"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Häufigste Suchanfragen" in html and "Suchanfragen ohne Treffer" in html
    assert "quantenzauber" in html and "Cloud für Behörden" in html
    assert "andere woche" not in html
    export = client.get("/admin/reports/suchstatistik/csv/", {"woche": "2026-11-23"})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Woche", "Art", "Suchanfrage", "Positionspapier", "Anzahl"],
        ["2026-11-23", "Suchen", "cloud", "", "2"],
        ["2026-11-23", "Suchen", "quantenzauber", "", "1"],
        ["2026-11-23", "ohne Treffer", "quantenzauber", "", "1"],
        ["2026-11-23", "geöffnet", "cloud", "Cloud für Behörden", "5"],
    ]


def test_members_see_neither_report_nor_menu_entry(client, member_software):
    search_query_record(q="Geheimprojekt", count=0)
    client.force_login(member_software)
    assert client.get("/admin/reports/suchstatistik/").status_code in (302, 403)
    assert client.get("/admin/reports/suchstatistik/csv/").status_code in (302, 403)
    assert "suchstatistik" not in client.get("/admin/").content.decode()
