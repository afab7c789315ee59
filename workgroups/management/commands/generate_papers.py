"""Create N realistic German position papers for benchmarks (published through revisions)."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from workgroups.devtools.generate import papers_generate


class Command(BaseCommand):
    help = (
        "Erzeugt N realistische Positionspapiere (veröffentlicht über Revisionen) für Benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="Anzahl der Papiere")
        parser.add_argument("--seed", type=int, default=2026, help="Zufallsstartwert")
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Prozesse (nur PostgreSQL; Standard: 2 je CPU, höchstens einer je Arbeitskreis)",
        )
        parser.add_argument(
            "--bulk",
            action="store_true",
            help=(
                "Schneller Weg für Benchmark-Daten: stapelweise direkt im veröffentlichten "
                "Zustand anlegen (Revision, Protokolleintrag, Signal page_published je Papier) "
                "statt jedes Papier einzeln über save_revision().publish() zu veröffentlichen."
            ),
        )

    def handle(self, *args, **options):
        count = options["count"]
        if count < 1:
            raise CommandError("Bitte eine positive Anzahl angeben.")
        bar = None

        def progress(total: int):
            nonlocal bar
            bar = tqdm(
                total=total, desc="Papiere", unit="Papier", disable=options["verbosity"] == 0
            )
            return bar.update

        try:
            created = papers_generate(
                count=count,
                seed=options["seed"],
                workers=options["workers"],
                bulk=options["bulk"],
                progress=progress,
            )
        finally:
            if bar is not None:
                bar.close()
        self.stdout.write(self.style.SUCCESS(f"{created} Papiere erzeugt und veröffentlicht."))
