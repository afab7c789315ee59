"""Complete sign-off rounds whose Schweigefrist has ended (also run by the worker at each deadline)."""

from django.core.management.base import BaseCommand

from signoff.services import signoff_deadlines_run


class Command(BaseCommand):
    help = "Schließt Mitzeichnungen ab, deren Schweigefrist abgelaufen ist."

    def handle(self, *args, **options):
        done = signoff_deadlines_run()
        self.stdout.write(f"{done} Mitzeichnung(en) abgeschlossen.")
