"""The outbox of index updates: one row per page and backend, bounded retries, failed, replay."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone

from search.models import IndexUpdate, SearchDocument
from search.outbox import index_updates_drain, index_updates_record, retry_delay
from search.tasks import index_drain
from tests.conftest import DATABASE_TASKS
from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"  # discard port: nothing listens, connections are refused


def owed(page_id: int) -> dict[str, IndexUpdate]:
    return {row.backend: row for row in IndexUpdate.objects.filter(page_id=page_id)}


def drain_tasks():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path="search.tasks.index_drain")


def make_due():
    """Let the clock run past every backoff (instead of waiting for it)."""
    IndexUpdate.objects.update(next_attempt_at=timezone.now())


@pytest.fixture
def queued(settings, group_software):
    """Once the tree stands: the database task backend without a worker, Elasticsearch away."""
    settings.TASKS = DATABASE_TASKS
    settings.ELASTICSEARCH_URL = UNREACHABLE


def test_backoff_is_capped(settings):
    settings.SEARCH_RETRY_MAX_DELAY = 20
    assert [retry_delay(n) for n in range(7)] == [1, 2, 4, 8, 16, 20, 20]


def test_publishing_owes_every_backend_one_update_and_never_touches_elasticsearch(
    queued, group_software
):
    paper = PositionPaperPageFactory(parent=group_software, title="Schnell veröffentlicht")

    assert paper.live
    rows = owed(paper.pk)
    assert set(rows) == {"database", "elasticsearch"}
    assert {row.state for row in rows.values()} == {IndexUpdate.State.PENDING}
    assert drain_tasks().count() == 1


def test_ten_publishes_of_a_page_leave_one_update_per_backend_and_one_task(queued, group_software):
    paper = PositionPaperPageFactory(parent=group_software, title="Oft veröffentlicht")
    for n in range(10):
        paper.title = f"Oft veröffentlicht ({n})"
        paper.save_revision().publish()

    assert IndexUpdate.objects.filter(page_id=paper.pk).count() == 2
    assert drain_tasks().count() == 1


def test_a_rolled_back_publish_owes_nothing(queued, group_software):
    with transaction.atomic():
        paper = PositionPaperPageFactory(parent=group_software, title="Verworfen")
        transaction.set_rollback(True)
    assert not IndexUpdate.objects.filter(page_id=paper.pk).exists()


def test_a_failed_attempt_waits_with_backoff_and_the_drain_waits_with_it(queued, group_software):
    paper = PositionPaperPageFactory(parent=group_software, title="Später indexiert")
    drain_tasks().delete()
    before = timezone.now()

    report = index_drain.call()

    assert report == {"done": 1, "retrying": 1, "failed": 0}
    # The database index took its update; Elasticsearch's waits one second.
    assert SearchDocument.objects.filter(page_id=paper.pk).exists()
    rows = owed(paper.pk)
    assert set(rows) == {"elasticsearch"}
    row = rows["elasticsearch"]
    assert (row.state, row.attempts) == (IndexUpdate.State.PENDING, 1)
    assert row.next_attempt_at >= before + dt.timedelta(seconds=1)
    assert "nicht erreichbar" in row.last_error
    # The drain comes back when that update is due, as one deferred task.
    (waiting,) = drain_tasks()
    assert waiting.task_result.task.run_after == row.next_attempt_at


def test_retries_are_bounded_then_the_update_is_failed_until_replayed(
    queued, settings, group_software
):
    settings.SEARCH_RETRY_MAX_ATTEMPTS = 3
    paper = PositionPaperPageFactory(parent=group_software, title="Gibt auf")
    reports = []
    for _ in range(4):
        make_due()
        reports.append(index_updates_drain())

    row = owed(paper.pk)["elasticsearch"]
    assert [r["retrying"] for r in reports] == [1, 1, 0, 0]
    assert [r["failed"] for r in reports] == [0, 0, 1, 0]
    assert (row.state, row.attempts) == (IndexUpdate.State.FAILED, 3)

    # Seen in /readyz (Elasticsearch out of the picture here, so nothing else degrades it).
    settings.ELASTICSEARCH_URL = None
    body = Client().get("/readyz").json()
    assert body["status"] == "degraded"
    assert (body["checks"]["index"]["failed"], body["checks"]["index"]["pending"]) == (1, 0)

    # Elasticsearch is still away: the replay tries again, says so, and counts the attempt.
    settings.ELASTICSEARCH_URL = UNREACHABLE
    with pytest.raises(CommandError, match="Nicht alle Aktualisierungen"):
        call_command("search_index", "replay", "--no-progress")
    row.refresh_from_db()
    assert (row.state, row.attempts) == (IndexUpdate.State.PENDING, 1)


def test_a_new_change_revives_a_failed_update(queued, settings, group_software):
    settings.SEARCH_RETRY_MAX_ATTEMPTS = 1
    paper = PositionPaperPageFactory(parent=group_software, title="Wieder da")
    index_updates_drain()
    assert owed(paper.pk)["elasticsearch"].state == IndexUpdate.State.FAILED

    paper.save_revision().publish()
    row = owed(paper.pk)["elasticsearch"]
    assert (row.state, row.attempts) == (IndexUpdate.State.PENDING, 0)


def test_one_broken_page_does_not_hold_up_the_others(settings, monkeypatch, group_software):
    import search.content

    settings.TASKS = DATABASE_TASKS  # nothing drains by itself
    good = PositionPaperPageFactory(parent=group_software, title="Heile Welt")
    broken = PositionPaperPageFactory(parent=group_software, title="Kaputtes Papier")
    original = search.content.paper_document

    def paper_document(paper, **kwargs):
        if paper.pk == broken.pk:
            raise ValueError("Feld fehlt")
        return original(paper, **kwargs)

    monkeypatch.setitem(search.content.BUILDERS, "paper", (search.content._papers, paper_document))
    report = index_updates_drain()

    assert SearchDocument.objects.filter(page_id=good.pk).exists()
    assert not IndexUpdate.objects.filter(page_id=good.pk).exists()
    row = owed(broken.pk)["database"]
    # Not an outage: retrying cannot help, so the update is failed at once, with the reason.
    assert (row.state, row.attempts) == (IndexUpdate.State.FAILED, 1)
    assert "ValueError: Feld fehlt" in row.last_error
    assert report["failed"] == 1


def test_a_change_during_the_update_is_not_lost(settings, monkeypatch, group_software):
    import search.outbox

    settings.TASKS = DATABASE_TASKS
    paper = PositionPaperPageFactory(parent=group_software, title="Während des Schreibens")
    original = search.outbox.index_pages_sync
    calls = []

    def sync_while_the_editor_publishes(**kwargs):
        calls.append(sorted(kwargs["page_ids"]))
        result = original(**kwargs)
        if len(calls) == 1:
            index_updates_record(page_ids=[paper.pk])  # the editor publishes again meanwhile
        return result

    monkeypatch.setattr(search.outbox, "index_pages_sync", sync_while_the_editor_publishes)
    report = index_updates_drain()

    # The first write did not cover the newer change: its row stayed and was written again.
    assert calls == [[paper.pk], [paper.pk]]
    assert report["done"] == 1
    assert not IndexUpdate.objects.exists()


@pytest.mark.elasticsearch
def test_replay_brings_a_failed_update_to_elasticsearch(elasticsearch, settings, group_software):
    settings.TASKS = DATABASE_TASKS
    settings.SEARCH_RETRY_MAX_ATTEMPTS = 1
    paper = PositionPaperPageFactory(parent=group_software, title="Nachgeholt")
    with _unreachable(settings):
        index_updates_drain()
    assert owed(paper.pk)["elasticsearch"].state == IndexUpdate.State.FAILED
    assert paper.pk not in elasticsearch.indexed_fingerprints(kind="paper")

    call_command("search_index", "replay", "--no-progress")

    assert not IndexUpdate.objects.exists()
    assert paper.pk in elasticsearch.indexed_fingerprints(kind="paper")


class _unreachable:
    """Elasticsearch away for a moment (the fixture's index prefix stays)."""

    def __init__(self, settings):
        self.settings = settings

    def __enter__(self):
        self.url = self.settings.ELASTICSEARCH_URL
        self.settings.ELASTICSEARCH_URL = UNREACHABLE

    def __exit__(self, *exc):
        self.settings.ELASTICSEARCH_URL = self.url
