"""The drain task: at most one waits, it comes back when an update is due, it never blocks a publish."""

import pytest
from django.utils import timezone

from search.models import IndexUpdate
from search.tasks import index_drain, index_drain_request
from tests.conftest import DATABASE_TASKS
from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"


def waiting_drains():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path="search.tasks.index_drain")


def test_one_waiting_drain_covers_every_later_request(settings):
    settings.TASKS = DATABASE_TASKS
    for _ in range(3):
        index_drain_request()
    later = timezone.now() + timezone.timedelta(seconds=30)
    index_drain_request(at=later)  # due later than the waiting one: covered by it
    assert waiting_drains().count() == 1


def test_a_request_before_the_waiting_drain_is_due_queues_one_more(settings):
    settings.TASKS = DATABASE_TASKS
    index_drain_request(at=timezone.now() + timezone.timedelta(seconds=60))
    index_drain_request()
    assert waiting_drains().count() == 2
    assert waiting_drains().ready().count() == 1  # the one due now


def test_without_a_deferring_backend_a_failure_is_logged_and_kept(settings, group_software, caplog):
    settings.ELASTICSEARCH_URL = UNREACHABLE  # immediate backend: the drain runs inline
    paper = PositionPaperPageFactory(parent=group_software, title="Sofort-Backend")
    assert "ohne Wiederholung" in caplog.text
    # The update stays owed (durable), for the next drain or `search_index replay`.
    assert IndexUpdate.objects.get(page_id=paper.pk).backend == "elasticsearch"


def test_a_failing_index_update_does_not_block_publishing(settings, group_software):
    settings.ELASTICSEARCH_URL = UNREACHABLE
    paper = PositionPaperPageFactory(parent=group_software, title="Trotzdem veröffentlicht")
    paper.refresh_from_db()
    assert paper.live


def test_the_drain_task_reports_what_it_did(settings, group_software):
    settings.TASKS = DATABASE_TASKS
    PositionPaperPageFactory(parent=group_software, title="Abgearbeitet")
    assert index_drain.call() == {"done": 1, "retrying": 0, "failed": 0}
    assert not IndexUpdate.objects.exists()
