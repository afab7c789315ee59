"""Publish and unpublish scheduled pages and send due deadline reminders, periodically, in a loop."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = (
        "Veröffentlicht geplante Seiten und sendet fällige Fristerinnerungen regelmäßig "
        "(ruft publish_scheduled und send_deadline_reminders in einer Schleife auf)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=60, help="Sekunden zwischen zwei Läufen"
        )
        parser.add_argument("--once", action="store_true", help="Nur einmal ausführen")

    def handle(self, *args, interval: int, once: bool, **options):
        while True:
            close_old_connections()
            try:
                call_command("publish_scheduled", verbosity=0)
            except Exception as exc:  # keep the loop alive when the database hiccups
                self.stderr.write(f"publish_scheduled fehlgeschlagen: {exc}")
            try:
                # Each reminder is logged once (workspace.DeadlineReminder): running this
                # every turn sends nothing twice, and a missed turn is made up by the next.
                call_command("send_deadline_reminders", verbosity=0)
            except Exception as exc:  # a failing mail server must not stop publishing
                self.stderr.write(f"send_deadline_reminders fehlgeschlagen: {exc}")
            if once:
                return
            time.sleep(interval)
