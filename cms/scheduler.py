"""One round of the scheduler: Wagtail's publish_scheduled, then every job in SCHEDULER_JOBS."""

import logging

from django.conf import settings
from django.core.management import call_command
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def scheduler_round() -> list[str]:
    """Run everything once; returns the German messages of what failed (the rest still ran)."""
    failures = []
    try:
        call_command("publish_scheduled", verbosity=0)
    except Exception as exc:  # keep the loop alive when the database hiccups
        failures.append(f"publish_scheduled fehlgeschlagen: {exc}")
    for path in settings.SCHEDULER_JOBS:
        try:
            import_string(path)()
        except Exception as exc:  # one failing job must not stop the others
            failures.append(f"{path} fehlgeschlagen: {exc}")
    for failure in failures:
        logger.error(failure)
    return failures
