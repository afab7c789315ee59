"""Background task: render the PDFs that published papers are still missing."""

from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from cms.queue import task_enqueue_once
from printing.selectors import papers_print_due
from printing.services import prints_render_due, prints_render_some

# PDFs have a queue and a worker of their own (`db_worker --queue-name print`): index
# updates and e-mails never wait behind them.
PRINT_QUEUE = "print"
# One run renders for about this long, then queues the rest: a paper published meanwhile
# is printed before the older backlog (newest first).
SECONDS_PER_RUN = 0.5


@task(priority=-10, queue_name=PRINT_QUEUE)
def prints_render(below: int | None = None) -> int:
    """Render the public papers' current versions that have no PDF yet (see services)."""
    if isinstance(prints_render.get_backend(), ImmediateBackend):
        return prints_render_due()  # no queue to share: all at once
    rendered, rest = prints_render_some(below=below, seconds=SECONDS_PER_RUN)
    if rest is not None:
        prints_render.enqueue(below=rest)
    elif below is not None and papers_print_due().exists():
        # Published while this chain ran, above where it was (a waiting continuation kept
        # the publish from queueing a run of its own): one more run from the top.
        task_enqueue_once(prints_render)
    return rendered
