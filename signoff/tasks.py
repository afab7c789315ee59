"""Background task of the sign-off: close rounds whose Schweigefrist has ended (django-tasks)."""

import io
from datetime import datetime, timedelta

from django.core.management import call_command
from django_tasks import task

from cms.queue import task_enqueue_once

# Rounds are due once their deadline has passed; a moment later keeps a worker whose clock
# runs a little behind the web process's from waking too early.
DEADLINE_GRACE = timedelta(seconds=1)


@task(priority=5)
def signoff_deadlines() -> None:
    """Complete every round whose Schweigefrist ended (the command queues the next run)."""
    call_command("signoff_deadlines", verbosity=0, stdout=io.StringIO())


def signoff_deadlines_schedule(*, at: datetime) -> None:
    """Queue a run at ``at`` unless one waits that runs no later (see cms/queue.py)."""
    task_enqueue_once(signoff_deadlines, run_after=at + DEADLINE_GRACE)
