"""Enqueueing a django-tasks task once: no second waiting row where one will do the same work."""

from datetime import datetime

from django.db.models import Q
from django.utils import timezone
from django_tasks.base import Task


def task_enqueue_once(task: Task, *, run_after: datetime | None = None) -> bool:
    """Enqueue an argument-less task unless a waiting one runs no later than ``run_after``.

    For tasks that work off whatever is due when they run (the index outbox, a revalidation
    of the whole site, the expiry run), a waiting one covers the new need; ten publishes
    while the worker is busy leave one row, not ten. Two transactions may both enqueue
    (harmless: the second run finds nothing to do). A backend that cannot defer runs the
    task at once and skips a deferred one (False).
    """
    backend = task.get_backend()
    now = timezone.now()
    if run_after is not None and run_after <= now:
        run_after = None
    if run_after is not None and not backend.supports_defer:
        return False
    from django_tasks_db.backend import DatabaseBackend

    if isinstance(backend, DatabaseBackend):
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult, get_date_max

        # The database backend stores "no run_after" as its maximum date.
        waiting = DBTaskResult.objects.filter(
            task_path=task.module_path, status=TaskResultStatus.READY
        ).filter(Q(run_after=get_date_max()) | Q(run_after__lte=run_after or now))
        if waiting.exists():
            return False
    (task.using(run_after=run_after) if run_after else task).enqueue()
    return True
