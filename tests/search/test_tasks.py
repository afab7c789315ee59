"""Index tasks retry with backoff on connection errors and never block a publish."""

import datetime as dt

import pytest
from django.utils import timezone

from search.tasks import index_pages, retry_delay
from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
UNREACHABLE = "http://127.0.0.1:9"


def test_backoff_is_capped(settings):
    settings.SEARCH_RETRY_MAX_DELAY = 20
    assert [retry_delay(n) for n in range(7)] == [1, 2, 4, 8, 16, 20, 20]


def test_publishing_queues_a_durable_task_and_never_touches_elasticsearch(settings, group_software):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    settings.ELASTICSEARCH_URL = UNREACHABLE
    paper = PositionPaperPageFactory(parent=group_software, title="Schnell veröffentlicht")

    assert paper.live
    queued = DBTaskResult.objects.filter(task_path="search.tasks.index_pages")
    assert [row.args_kwargs["kwargs"]["page_ids"] for row in queued] == [[paper.pk]]


def test_a_failed_attempt_is_rescheduled_with_backoff(settings, group_software):
    from django_tasks_db.models import DBTaskResult

    paper = PositionPaperPageFactory(parent=group_software, title="Später indexiert")
    settings.TASKS = DATABASE_TASKS
    settings.ELASTICSEARCH_URL = UNREACHABLE
    before = timezone.now()

    result = index_pages.call(page_ids=[paper.pk], attempt=2)

    assert result == {"retry_in": 4, "attempt": 3}
    retry = DBTaskResult.objects.get(task_path="search.tasks.index_pages")
    assert retry.args_kwargs["kwargs"] == {"page_ids": [paper.pk], "attempt": 3}
    assert retry.run_after >= before + dt.timedelta(seconds=4)
    # The database index was written before Elasticsearch failed (and is idempotent).
    from search.models import SearchDocument

    assert SearchDocument.objects.filter(page_id=paper.pk).exists()


def test_without_a_deferring_backend_the_failure_is_logged_not_raised(
    settings, group_software, caplog
):
    paper = PositionPaperPageFactory(parent=group_software, title="Sofort-Backend")
    settings.ELASTICSEARCH_URL = UNREACHABLE
    result = index_pages.call(page_ids=[paper.pk])
    assert "failed" in result
    assert "kein Wiederholen möglich" in caplog.text


def test_a_failing_index_update_does_not_block_publishing(settings, group_software):
    settings.ELASTICSEARCH_URL = UNREACHABLE  # immediate backend: the task runs inline
    paper = PositionPaperPageFactory(parent=group_software, title="Trotzdem veröffentlicht")
    paper.refresh_from_db()
    assert paper.live
