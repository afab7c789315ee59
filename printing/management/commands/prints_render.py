"""Render the missing PDFs of all public papers now (after a deploy, or to catch up)."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from printing.services import prints_render_due


class Command(BaseCommand):
    help = "Erzeugt fehlende PDF-Fassungen aller veröffentlichten Papiere."

    def handle(self, *args, **options):
        rendered = prints_render_due(
            progress=lambda ids: tqdm(ids, desc="PDF-Fassungen", unit="Papier", disable=None)
        )
        self.stdout.write(f"{rendered} PDF-Fassung(en) erzeugt.")
