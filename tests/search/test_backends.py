"""The backend seam: typed results from both backends, and no Elasticsearch code unless configured."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.backends.base import BackendDescription, Completion, IndexDescription
from search.content import KINDS
from search.indexing import index_pages_sync

ROOT = Path(__file__).resolve().parents[2]

# Imports the app as a web process does, searches the database backend through the API and
# the service, and reports which Elasticsearch modules were loaded on the way.
PROBE = """
import json, sys
import django
django.setup()
import search.services, search.backends.database, search.indexing, search.api.views
import workgroups.api.views
from django.test import Client
from search.services import search_papers

response = Client().get("/api/v1/search/", {"q": "Fachkräfte"})
page = search_papers(q="Fachkräfte", filters={}, offset=0, limit=10)
loaded = sorted(
    m for m in sys.modules if m.split(".")[0] in {"elasticsearch", "elastic_transport"}
)
print(json.dumps({
    "status": response.status_code,
    "api_count": response.json().get("count"),
    "count": page.count,
    "backend": page.backend,
    "loaded": loaded,
}))
"""


def _database_url(tmp_path: Path) -> str:
    """A URL the probe process can open that holds this test's committed rows."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        # The test database lives in memory: hand the probe a file copy.
        target = tmp_path / "probe.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{target}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


# Committed rows: the probe is another process. Restores the migrations' data afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_backend_runs_without_elasticsearch_code(
    database_search, make_paper, tmp_path
):
    make_paper("Fachkräftegewinnung in Sachsen")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"ELASTICSEARCH_URL", "TEST_ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=_database_url(tmp_path),
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["status"] == 200 and report["api_count"] == 1
    assert (report["backend"], report["count"]) == ("database", 1)
    assert report["loaded"] == []


@pytest.mark.django_db
def test_both_backends_return_typed_completions_and_descriptions(search_engine, make_paper):
    paper = make_paper("Cloud für Behörden")
    completions = search_engine.complete(prefix="Behoer", limit=8)
    assert completions and all(isinstance(c, Completion) for c in completions)
    assert {(c.page_id, c.text, c.kind) for c in completions} == {
        (paper.pk, "Cloud für Behörden", "paper")
    }
    assert all(c.matches("behor") for c in completions)

    description = search_engine.describe()
    assert isinstance(description, BackendDescription)
    assert description.backend == search_engine.name and description.reachable
    assert set(description.indices) == set(KINDS)
    assert all(isinstance(index, IndexDescription) for index in description.indices.values())
    assert description.indices["paper"].documents == 1


@pytest.mark.django_db
def test_a_database_index_write_does_not_scan_every_entry(database_search, make_paper):
    # Wagtail's title norms (an average over the whole entry table after every write) cost
    # a full scan per publish; the database ranking does not use them.
    make_paper("Gigabit für Thüringen")
    paper = make_paper("Glasfaserausbau im ländlichen Raum")
    with CaptureQueriesContext(connection) as queries:
        index_pages_sync(page_ids=[paper.pk], backends=[database_search])
    written = [q["sql"] for q in queries.captured_queries]
    assert any("wagtailsearch_indexentry" in sql for sql in written)
    assert not [sql for sql in written if "AVG(" in sql.upper()]
    found = search_papers_on(database_search, "Glasfaserausbau")
    assert found == [paper.pk]


def search_papers_on(backend, text: str) -> list[int]:
    from search.backends.base import SearchRequest
    from search.query import query_parse

    return [hit.page_id for hit in backend.search(SearchRequest(query=query_parse(text))).hits]


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_search_reads_the_indexes_and_leaves_the_planner_as_it_was(
    database_search, make_paper
):
    # The matcher turns sequential scans off for its own queries only (transaction-local):
    # the rest of the request's transaction plans as before.
    near = make_paper("Digitale Verwaltung in Sachsen")
    make_paper("Verwaltung, digital und analog")  # both words, not as a phrase
    with CaptureQueriesContext(connection) as queries:
        phrased = search_papers_on(database_search, '"digitale Verwaltung"')
    assert phrased == [near.pk]
    settings_sql = [q["sql"] for q in queries.captured_queries if "enable_seqscan" in q["sql"]]
    assert settings_sql and all("set_config" in sql for sql in settings_sql)
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"


@pytest.mark.django_db
def test_database_search_counts_and_scores_a_rewritten_paper_as_it_is_now(
    database_search, make_paper
):
    # Facets and field terms are kept decoded per process; a rewrite must replace them.
    from search.backends.base import SearchRequest
    from search.query import query_parse

    paper = make_paper("Breitband für Gewerbegebiete", paper_type="stellungnahme")

    def search(**filters):
        request = SearchRequest(query=query_parse("Breitband"), filters=filters)
        return database_search.search(request)

    assert dict(search().facets["paper_type"]) == {"stellungnahme": 1}
    paper.paper_type = "positionspapier"
    paper.save_revision().publish()
    index_pages_sync(page_ids=[paper.pk], backends=[database_search])

    outcome = search()
    assert dict(outcome.facets["paper_type"]) == {"positionspapier": 1}
    assert search(paper_type=("positionspapier",)).count == 1
    assert search(paper_type=("stellungnahme",)).count == 0
