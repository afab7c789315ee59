"""Background work of the alerts (django-tasks): alerts after a paper's publication."""

import datetime as dt

from django.utils import timezone
from django_tasks import task

from alerts.services import alerts_for_paper
from search.models import IndexUpdate

# A saved search must see the paper in the index: while its update is owed, ask again later.
INDEX_WAIT = dt.timedelta(seconds=20)
INDEX_WAIT_ATTEMPTS = 30


@task()
def paper_alerts_send(page_id: int, attempt: int = 0) -> int:
    """Alerts for one published paper; waits (deferred) while its index update is pending."""
    pending = IndexUpdate.objects.filter(page_id=page_id, state=IndexUpdate.State.PENDING)
    backend = paper_alerts_send.get_backend()
    if pending.exists() and backend.supports_defer and attempt < INDEX_WAIT_ATTEMPTS:
        paper_alerts_send.using(run_after=timezone.now() + INDEX_WAIT).enqueue(
            page_id=page_id, attempt=attempt + 1
        )
        return 0
    return alerts_for_paper(page_id=page_id)


def paper_alerts_request(*, page_id: int) -> None:
    """Called by the publication pipeline (after the commit): alert the paper's followers."""
    paper_alerts_send.enqueue(page_id=page_id)
