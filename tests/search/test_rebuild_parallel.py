"""A rebuild on PostgreSQL outside a transaction builds the documents in worker processes."""

import os
from pathlib import Path

import pytest

from search import indexing
from search.content import PAPER, documents_build
from search.indexing import index_rebuild

BUILT_BY = "SPRACHROHR_TEST_BUILT_BY"
_documents_of = indexing._documents_of


def _recording_documents_of(task):
    """A module-level function (worker processes find it by name) noting who built what."""
    _kind, ids, _scope = task
    (Path(os.environ[BUILT_BY]) / f"{os.getpid()}-{ids[0]}").touch()
    return _documents_of(task)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_large_rebuild_builds_in_processes_what_one_process_builds(
    search_engine, make_paper, monkeypatch, tmp_path
):
    for n in range(9):
        make_paper(f"Wärmepumpe {n}", text=f"Abwärme aus Rechenzentren, Abschnitt {n}.")
    monkeypatch.setattr(indexing, "PARALLEL_BUILD_FROM", 5)
    monkeypatch.setattr(indexing, "chunks", lambda items, size=None: _pairs(items))
    monkeypatch.setattr(indexing, "_documents_of", _recording_documents_of)
    monkeypatch.setenv(BUILT_BY, str(tmp_path))

    report = index_rebuild(kinds=[PAPER], backends=[search_engine])

    assert report[f"{search_engine.name}/{PAPER}"]["documents"] == 9
    builders = {int(path.name.split("-")[0]) for path in tmp_path.iterdir()}
    assert len(list(tmp_path.iterdir())) == 5  # nine pages in batches of two
    assert builders and os.getpid() not in builders
    expected = {d["page_id"]: d["fingerprint"] for d in documents_build(kind=PAPER)}
    assert search_engine.indexed_fingerprints(kind=PAPER) == expected


def _pairs(items):
    items = list(items)
    return (items[i : i + 2] for i in range(0, len(items), 2))
