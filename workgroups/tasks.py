"""Background tasks of the workgroups domain (django-tasks; the database backend in production)."""

import io
import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from cms.queue import task_enqueue_once
from cms.versions import content_expiry_next

logger = logging.getLogger(__name__)

# Wagtail's publish_scheduled unpublishes pages whose expiry lies strictly in the past.
EXPIRY_GRACE = timedelta(seconds=1)


# Ahead of index updates in the queue: a long indexing backlog (bulk import, rebuild
# replay) must not keep published pages stale on the website.
@task(priority=10)
def frontend_revalidate() -> bool:
    """POST to the frontend's revalidation route: it drops every cached API answer and page.

    Skipped when no secret is configured; a frontend that is down or answers with an error
    is logged, never raised, so a publish is never held up or undone by it. Why the whole
    site and not a list of paths and tags: see workgroups/services/publication.py.
    """
    url, secret = settings.FRONTEND_REVALIDATE_URL, settings.FRONTEND_REVALIDATE_SECRET
    if not url or not secret:
        return False
    request = urllib.request.Request(
        url,
        data=json.dumps({}).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "x-sprachrohr-secret": secret},
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.FRONTEND_REVALIDATE_TIMEOUT) as reply:
            status = reply.status
    except (urllib.error.URLError, OSError, ValueError) as exc:
        logger.warning("Frontend revalidation at %s failed: %s", url, exc)
        return False
    logger.info("Frontend revalidated (%s)", status)
    return True


@task(priority=10)
def pages_expire() -> None:
    """At a page's expiry: Wagtail's publish_scheduled takes it off, then wait for the next one.

    Unpublishing sends Wagtail's signals, so index, caches and frontend follow at once; the
    API treats the page as non-public from its expiry on anyway (PublicScope).
    """
    call_command("publish_scheduled", verbosity=0, stdout=io.StringIO())
    upcoming = content_expiry_next(after=timezone.now())
    if upcoming is not None:
        task_enqueue_once(pages_expire, run_after=upcoming + EXPIRY_GRACE)
