"""Publish and unpublish scheduled pages periodically (Wagtail's publish_scheduled in a loop)."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = (
        "Veröffentlicht geplante Seiten regelmäßig (ruft publish_scheduled in einer Schleife auf)."
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
                # Digests, deadline notices, unconfirmed subscriptions (alerts/services.py).
                call_command("alerts_scheduled", verbosity=0)
            except Exception as exc:
                self.stderr.write(f"alerts_scheduled fehlgeschlagen: {exc}")
            if once:
                return
            time.sleep(interval)
