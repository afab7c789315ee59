"""Periodic alert work: purge unconfirmed subscriptions, send due digests and deadline notices."""

from django.core.management.base import BaseCommand

from alerts.services import alerts_scheduled_run


class Command(BaseCommand):
    help = (
        "Löscht unbestätigte Benachrichtigungen nach 7 Tagen und verschickt fällige "
        "Übersichten und Fristhinweise."
    )

    def handle(self, *args, **options):
        done = alerts_scheduled_run()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"{done['purged']} unbestätigte gelöscht, {done['digests']} Übersichten und "
                f"{done['deadlines']} Fristhinweise verschickt."
            )
