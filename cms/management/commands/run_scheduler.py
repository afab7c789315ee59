"""The scheduler: Wagtail's publish_scheduled and the jobs in SCHEDULER_JOBS, in a loop."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from cms.scheduler import scheduler_round


class Command(BaseCommand):
    help = (
        "Veröffentlicht geplante Seiten regelmäßig (publish_scheduled) und führt die "
        "wiederkehrenden Aufgaben aus SCHEDULER_JOBS aus."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=60, help="Sekunden zwischen zwei Läufen"
        )
        parser.add_argument("--once", action="store_true", help="Nur einmal ausführen")

    def handle(self, *args, interval: int, once: bool, **options):
        while True:
            close_old_connections()
            for failure in scheduler_round():
                self.stderr.write(failure)
            if once:
                return
            time.sleep(interval)
