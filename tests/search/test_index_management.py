"""search_index setup|rebuild|status|reconcile against real Elasticsearch and the database."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from elasticsearch.helpers import BulkIndexError

from search.backends.base import SearchRequest
from search.content import PAPER
from search.documents import alias_name
from search.indexing import index_rebuild, index_reconcile, index_setup
from search.query import query_parse

pytestmark = pytest.mark.django_db


def progress_calling(label: str, action):
    """A progress bar class for index_rebuild that calls ``action`` on each step of ``label``
    (something happening while the new index is being filled)."""

    class Progress:
        def __init__(self, name, total):
            self.name = name

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def update(self, n):
            if self.name == label:
                action()

    return Progress


@pytest.mark.elasticsearch
def test_setup_is_idempotent(elasticsearch):
    index = elasticsearch.index(PAPER)
    first = index.physical_indices()
    assert len(first) == 1 and first[0].startswith(alias_name(PAPER) + "-")

    assert elasticsearch.setup() == []
    call_command("search_index", "setup", "--backend", "elasticsearch")
    assert index.physical_indices() == first
    assert index.schema_current() is True
    assert elasticsearch.describe().chain == "core"  # the test node has no analysis-common


@pytest.mark.elasticsearch
def test_rebuild_swaps_the_alias_without_downtime(elasticsearch, make_paper):
    for n in range(5):
        make_paper(f"Qualle {n}")
    index = elasticsearch.index(PAPER)
    (old,) = index.physical_indices()
    client = elasticsearch.indexing_client

    seen: list[int] = []
    errors: list[Exception] = []
    stop = threading.Event()

    def searching():
        try:
            while not stop.is_set():
                seen.append(elasticsearch.search(SearchRequest(query=query_parse("Qualle"))).count)
        except Exception as exc:  # noqa: BLE001 - recorded and asserted below
            errors.append(exc)

    reader = threading.Thread(target=searching)
    reader.start()
    try:
        call_command("search_index", "rebuild", "--backend", "elasticsearch", "--no-progress")
    finally:
        stop.set()
        reader.join()

    (new,) = index.physical_indices()
    assert new != old
    assert not client.indices.exists(index=old)
    assert client.count(index=alias_name(PAPER))["count"] == 5
    assert errors == []
    assert seen and set(seen) == {5}


@pytest.mark.elasticsearch
def test_a_rebuild_the_node_rejects_fails_and_keeps_the_live_index(elasticsearch, make_paper):
    # Documents are built in this thread and sent from a second one: a bulk the node rejects
    # must reach the caller (not hang the builder on a full queue), and the live index stays.
    make_paper("Qualle")
    index = elasticsearch.index(PAPER)
    (live,) = index.physical_indices()
    built: list[int] = []

    def actions(documents, name):
        yield {"_index": name, "_id": "kaputt", "_source": {"page_id": "keine Zahl"}}
        for n in range(5000):
            built.append(n)
            yield {"_index": name, "_id": f"f{n}", "_source": {"page_id": n}}

    index.actions = actions
    with pytest.raises(BulkIndexError):
        index.rebuild([], progress=lambda n: None)

    assert index.physical_indices() == [live]
    assert len(built) < 5000  # the builder stopped once the sender had failed
    assert elasticsearch.search(SearchRequest(query=query_parse("Qualle"))).count == 1


@pytest.mark.elasticsearch
def test_rebuild_replays_what_was_published_meanwhile(elasticsearch, make_paper):
    before = make_paper("Vorher")
    published = []

    def publish():
        if not published:
            published.append(make_paper("Währenddessen"))

    index_rebuild(
        backends=[elasticsearch], progress=progress_calling("elasticsearch/paper", publish)
    )
    assert published
    # The paper went to the old index while the new one was filled; the replay after the
    # swap brought it over.
    assert set(elasticsearch.indexed_fingerprints(kind=PAPER)) == {before.pk, published[0].pk}
    hits = elasticsearch.search(SearchRequest(query=query_parse("Währenddessen"))).hits
    assert [h.page_id for h in hits] == [published[0].pk]


def test_database_rebuild(database_search, make_paper, capsys):
    for n in range(3):
        make_paper(f"Seestern {n}")
    call_command("search_index", "rebuild", "--no-progress")
    assert len(database_search.indexed_fingerprints(kind=PAPER)) == 3
    assert "search_index rebuild: fertig" in capsys.readouterr().out


def test_a_rebuild_settles_the_updates_it_covers(database_search, make_paper):
    from search.models import IndexUpdate
    from search.outbox import index_updates_record

    covered, changed_again = make_paper("Seestern"), make_paper("Seeigel")
    index_updates_record(page_ids=[covered.pk, changed_again.pk])
    owed = IndexUpdate.objects.filter(backend=database_search.name)
    assert owed.count() == 2

    def change_again():
        index_updates_record(page_ids=[changed_again.pk])

    report = index_rebuild(
        backends=[database_search], progress=progress_calling("database/paper", change_again)
    )

    # The rebuild read what the first update asked for; the second change came after the
    # rebuild had started and stays owed to the worker.
    assert report["settled"] == 1
    assert list(owed.values_list("page_id", flat=True)) == [changed_again.pk]


def test_status_compares_counts(search_engine, make_paper, capsys):
    paper = make_paper("Zählbar")
    backend = "elasticsearch" if search_engine.name == "elasticsearch" else "database"
    call_command("search_index", "status", "--backend", backend)
    out = capsys.readouterr().out
    assert "paper" in out and "1 im Index, 1 öffentlich – ok" in out

    search_engine.documents_delete(page_ids=[paper.pk])
    with pytest.raises(CommandError):
        call_command("search_index", "status", "--backend", backend)
    assert "0 im Index, 1 öffentlich – ABWEICHUNG" in capsys.readouterr().out


def test_status_fails_when_elasticsearch_is_unreachable(settings, capsys):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with pytest.raises(CommandError, match="nicht erreichbar"):
        call_command("search_index", "status")
    assert "elasticsearch: NICHT erreichbar" in capsys.readouterr().out


def test_reconcile_repairs_drift_both_ways(search_engine, make_paper):
    missing = make_paper("Fehlt im Index")
    stale = make_paper("Veraltet")
    fine = make_paper("Stimmt")
    search_engine.documents_delete(page_ids=[missing.pk])
    # A document for a page that is not public (any more), and one with old content.
    ghost = dict(_document(search_engine, stale.pk), page_id=987654, slug="gespenst")
    search_engine.documents_write(kind=PAPER, documents=[ghost])
    old = dict(_document(search_engine, stale.pk), title="Ganz alter Titel", fingerprint="alt")
    search_engine.documents_write(kind=PAPER, documents=[old])

    report = index_reconcile(backends=[search_engine])
    entry = report[f"{search_engine.name}/paper"]
    assert (entry["added"], entry["removed"], entry["refreshed"]) == (1, 1, 1)

    fingerprints = search_engine.indexed_fingerprints(kind=PAPER)
    assert set(fingerprints) == {missing.pk, stale.pk, fine.pk}
    assert fingerprints[stale.pk] != "alt"
    again = index_reconcile(backends=[search_engine])[f"{search_engine.name}/paper"]
    assert (again["added"], again["removed"], again["refreshed"]) == (0, 0, 0)


def _document(engine, page_id: int) -> dict:
    from search.content import documents_build

    return next(documents_build(kind=PAPER, ids=[page_id]))


def test_wordlist_for_the_decompounder(tmp_path):
    target = tmp_path / "words.txt"
    call_command("search_index", "wordlist", "--output", str(target))
    words = target.read_text().split()
    assert "gewinnung" in words and "krafte" in words
    assert all(w == w.lower() and "ä" not in w for w in words[:1000])


def test_database_index_uses_wagtails_backend():
    from search.backends.database import DatabaseIndex

    engine = type(DatabaseIndex().wagtail).__name__
    assert (
        engine
        == {"sqlite": "SQLiteSearchBackend", "postgresql": "PostgresSearchBackend"}[
            connection.vendor
        ]
    )


@pytest.mark.elasticsearch
def test_setup_rebuilds_an_index_built_with_an_older_mapping(elasticsearch, make_paper):
    make_paper("Qualle im alten Index")
    index = elasticsearch.index(PAPER)
    (old,) = index.physical_indices()
    client = elasticsearch.indexing_client
    meta = client.indices.get_mapping(index=old).body[old]["mappings"]["_meta"]
    # What an index of an earlier release looks like: another schema fingerprint.
    client.indices.put_mapping(index=old, meta={**meta, "schema": "frueherer-stand"})
    assert index.schema_current() is False

    call_command("search_index", "setup", "--backend", "elasticsearch", "--no-progress")

    (new,) = index.physical_indices()
    assert new != old
    assert not client.indices.exists(index=old)
    assert index.schema_current() is True
    assert elasticsearch.search(SearchRequest(query=query_parse("Qualle"))).count == 1
    # Run again: nothing is outdated now, so nothing is rebuilt.
    call_command("search_index", "setup", "--backend", "elasticsearch", "--no-progress")
    assert index.physical_indices() == [new]


def test_setup_renews_documents_of_an_older_shape(search_engine, make_paper):
    first, newest = make_paper("Alter Aufbau"), make_paper("Neuester Aufbau")
    # Documents written by an earlier release: same pages, another shape (DOCUMENT_FORMAT).
    for paper in (first, newest):
        old = dict(_document(search_engine, paper.pk), title="Früherer Aufbau", fingerprint="alt")
        search_engine.documents_write(kind=PAPER, documents=[old])

    index_setup(backends=[search_engine])

    fingerprints = search_engine.indexed_fingerprints(kind=PAPER)
    assert fingerprints[first.pk] == _document(search_engine, first.pk)["fingerprint"]
    assert fingerprints[newest.pk] == _document(search_engine, newest.pk)["fingerprint"]
    # The old titles are gone from the index, the current ones are found.
    assert search_engine.search(SearchRequest(query=query_parse("Früherer"))).count == 0
    assert search_engine.search(SearchRequest(query=query_parse("Aufbau"))).count == 2
