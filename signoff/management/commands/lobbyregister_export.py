"""Write a year's Lobbyregister statements as JSON and CSV for the register's annual update."""

import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rest_framework.utils.encoders import JSONEncoder
from tqdm import tqdm

from signoff.api.serializers import LobbyregisterStatementSerializer
from signoff.selectors import lobbyregister_statements

CSV_FIELDS = [
    "regulatoryProjectNumber",
    "regulatoryProjectTitle",
    "sendingDate",
    "recipientType",
    "title",
    "shortTitle",
    "pdfUrl",
]


def _csv_rows(statement: dict):
    for group in statement["recipientGroups"]:
        recipients = group["recipients"]
        bodies = [("parliament", body) for body in recipients["parliament"]] + [
            ("federalGovernment", item["department"]) for item in recipients["federalGovernment"]
        ]
        for kind, body in bodies:
            yield {
                "regulatoryProjectNumber": statement["regulatoryProjectNumber"],
                "regulatoryProjectTitle": statement["regulatoryProjectTitle"],
                "sendingDate": group["sendingDate"],
                "recipientType": kind,
                "title": body["title"],
                "shortTitle": body["shortTitle"],
                "pdfUrl": statement["pdfUrl"] or "",
            }


class Command(BaseCommand):
    help = "Schreibt die Stellungnahmen eines Jahres für das Lobbyregister als JSON und CSV."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="Jahr des Versands")
        parser.add_argument(
            "--output", default=".", help="Verzeichnis für lobbyregister-JAHR.json und .csv"
        )

    def handle(self, *args, **options):
        year = options["year"]
        if not 2000 <= year <= timezone.localdate().year + 1:
            raise CommandError(f"Ungültiges Jahr: {year}.")
        output = Path(options["output"])
        if not output.is_dir():
            raise CommandError(f"Das Verzeichnis {output} gibt es nicht.")
        papers = lobbyregister_statements(year=year)
        statements = [
            LobbyregisterStatementSerializer(paper).data
            for paper in tqdm(
                papers, desc="Stellungnahmen", unit="Papier", disable=options["verbosity"] == 0
            )
        ]
        json_path = output / f"lobbyregister-{year}.json"
        json_path.write_text(
            json.dumps(statements, cls=JSONEncoder, ensure_ascii=False, indent=2),
            encoding="utf-8",
        )
        csv_path = output / f"lobbyregister-{year}.csv"
        with csv_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS)
            writer.writeheader()
            for statement in statements:
                writer.writerows(_csv_rows(json.loads(json.dumps(statement, cls=JSONEncoder))))
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(statements)} Stellungnahme(n) nach {json_path} und {csv_path} geschrieben."
            )
        )
