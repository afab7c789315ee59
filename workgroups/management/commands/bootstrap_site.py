"""Create or repair the site structure, editorial roles and review workflows (idempotent)."""

from django.core.management.base import BaseCommand

from workgroups.services.roles import site_bootstrap


class Command(BaseCommand):
    help = (
        "Legt Startseite, Bereiche, Redaktion, Arbeitskreis-Rollen und Workflows an (idempotent)."
    )

    def handle(self, *args, **options):
        result = site_bootstrap()
        self.stdout.write(
            self.style.SUCCESS(
                f"Website eingerichtet: {len(result['working_groups'])} Arbeitskreise mit Rollen und Workflow."
            )
        )
