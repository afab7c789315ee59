"""Load the demo site from workgroups/demo/content.json (idempotent, transactional)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from workgroups.demo.validation import DEMO_CONTENT_PATH, DemoContentError, demo_content_read
from workgroups.services.demo import demo_content_load


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte (Arbeitskreise, Papiere, Veranstaltungen, Demo-Benutzer)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", default=str(DEMO_CONTENT_PATH), help="JSON-Datei mit Demo-Inhalten"
        )
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="Keine Demo-Benutzer mit bekannten Passwörtern anlegen",
        )

    def handle(self, *args, **options):
        with_users = not options["no_users"]
        if with_users and not getattr(settings, "SPRACHROHR_DEMO_USERS_ALLOWED", True):
            raise CommandError(
                "Demo-Benutzer mit bekannten Passwörtern sind in dieser Umgebung nicht erlaubt; "
                "bitte --no-users verwenden."
            )
        try:
            data = demo_content_read(options["file"])
            created = demo_content_load(
                data=data,
                with_users=with_users,
                progress=lambda items, label: tqdm(
                    items, desc=label, disable=options["verbosity"] == 0
                ),
            )
        except DemoContentError as exc:
            raise CommandError(
                "Demo-Inhalte nicht geladen:\n  " + "\n  ".join(exc.problems)
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-Inhalte geladen: {created['pages']} neue Seiten, {created['users']} neue Benutzer."
            )
        )
        for url in created.get("share_links", []):
            self.stdout.write(f"Vertraulicher Demo-Link zu einem Entwurf: {url}")
