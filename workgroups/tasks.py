"""Background tasks of the workgroups domain (django-tasks; the database backend in production)."""

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)


# Ahead of index updates in the queue: a long indexing backlog (bulk import, rebuild
# replay) must not keep published pages stale on the website.
@task(priority=10)
def frontend_revalidate(*, paths: list[str], tags: list[str]) -> bool:
    """POST the changed frontend paths and cache tags to the frontend's revalidation route.

    Skipped when no secret is configured; a frontend that is down or answers with an error
    is logged, never raised, so a publish is never held up or undone by it.
    """
    url, secret = settings.FRONTEND_REVALIDATE_URL, settings.FRONTEND_REVALIDATE_SECRET
    if not url or not secret:
        return False
    request = urllib.request.Request(
        url,
        data=json.dumps({"paths": paths, "tags": tags}).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "x-sprachrohr-secret": secret},
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.FRONTEND_REVALIDATE_TIMEOUT) as reply:
            status = reply.status
    except (urllib.error.URLError, OSError, ValueError) as exc:
        logger.warning("Frontend revalidation at %s failed: %s (paths: %s)", url, exc, paths)
        return False
    logger.info("Frontend revalidated (%s): %d paths, %d tags", status, len(paths), len(tags))
    return True
