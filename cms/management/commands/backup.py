"""Dump database and media into one archive (engine-native: pg_dump or SQLite backup)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "Sichert Datenbank und Mediendateien in ein Archiv (tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", default=str(Path(settings.VAR_DIR) / "backups"), help="Zielverzeichnis"
        )

    def handle(self, *args, **options):
        try:
            path = backup_create(directory=Path(options["dir"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Sicherung geschrieben: {path}"))
        self.stdout.write(str(path))
