"""Send the deadline reminders due today (run by the scheduler; safe to run any number of times)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from workspace.services import deadline_reminders_send


class Command(BaseCommand):
    help = (
        "Sendet die heute fälligen Fristerinnerungen (14, 7 und 2 Tage vor der Frist und am "
        "Tag selbst), jede genau einmal."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="Stichtag im Format JJJJ-MM-TT (Standard: heute)", default=None
        )

    def handle(self, *args, date: str | None, **options):
        try:
            today = dt.date.fromisoformat(date) if date else None
        except ValueError as exc:
            raise CommandError(f"Ungültiges Datum: {date} (erwartet JJJJ-MM-TT)") from exc
        sent = deadline_reminders_send(today=today)
        if options["verbosity"]:
            self.stdout.write(f"{sent} Fristerinnerung(en) gesendet.")
