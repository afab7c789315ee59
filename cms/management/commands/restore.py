"""Restore database and media from a backup archive into a fresh instance."""

from pathlib import Path

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from cms.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = "Stellt Datenbank und Mediendateien aus einer Sicherung wieder her (frische Instanz)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Pfad zur Sicherung (tar.gz)")
        parser.add_argument("--force", action="store_true", help="Vorhandene Daten überschreiben")

    def handle(self, *args, **options):
        try:
            manifest = backup_restore(archive=Path(options["archive"]), force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        # A restored database may be newer code's predecessor: bring the schema up to date.
        call_command("migrate", interactive=False, verbosity=0)
        if "search_index" in get_commands():
            # The search index is derived data: rebuild it from the restored content.
            try:
                call_command("search_index", "rebuild", verbosity=0)
            except Exception as exc:  # search may be down; reconcile repairs it later
                self.stderr.write(
                    f"Suchindex nicht neu aufgebaut ({exc}); später: manage.py search_index rebuild"
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Wiederhergestellt: Sicherung vom {manifest['created_at']} ({manifest['engine']})."
            )
        )
