"""The Lobbyregister statement: its open-data shape (JSON Schema), 404s, the yearly export."""

import csv
import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command

from tests.factories import AddresseeFactory, PositionPaperPageFactory, RegulatoryProjectFactory
from workgroups.models import Level, State

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parent / "lobbyregister.schema.json").read_text())


def assert_statement(data):
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)


@pytest.fixture
def federal(group_software):
    bmi = AddresseeFactory(name="Bundesministerium des Innern", short_name="BMI", slug="bmi")
    committee = AddresseeFactory(
        name="Ausschuss für Digitales des Deutschen Bundestages", short_name="", slug="ada"
    )
    bmds = AddresseeFactory(name="Bundesministerium für Digitales", short_name="BMDS")
    project = RegulatoryProjectFactory(
        title="KRITIS-Dachgesetz", slug="kritis", lobbyregister_number="RV0001234"
    )
    paper = PositionPaperPageFactory(
        parent=group_software,
        slug="kritis-stellungnahme",
        summary="Der Verband begrüßt das Gesetz und fordert klare Schwellenwerte.",
        regulatory_projects=[project],
        dispatches=[
            (bmi, dt.date(2025, 3, 2)),
            (committee, dt.date(2025, 3, 2)),
            (bmds, dt.date(2026, 1, 15)),
        ],
    )
    return paper


def test_a_public_paper_with_federal_dispatches_is_a_valid_statement(client, federal):
    response = client.get(f"/api/v1/papers/{federal.slug}/lobbyregister/")
    assert response.status_code == 200
    data = response.json()
    assert_statement(data)
    assert data["regulatoryProjectNumber"] == "RV0001234"
    assert data["regulatoryProjectTitle"] == "KRITIS-Dachgesetz"
    assert data["text"].startswith("Der Verband begrüßt")
    assert data["recipientGroups"] == [
        {
            "sendingDate": "2025-03-02",
            "recipients": {
                "parliament": [
                    {"title": "Ausschuss für Digitales des Deutschen Bundestages", "shortTitle": ""}
                ],
                "federalGovernment": [
                    {"department": {"title": "Bundesministerium des Innern", "shortTitle": "BMI"}}
                ],
            },
        },
        {
            "sendingDate": "2026-01-15",
            "recipients": {
                "parliament": [],
                "federalGovernment": [
                    {
                        "department": {
                            "title": "Bundesministerium für Digitales",
                            "shortTitle": "BMDS",
                        }
                    }
                ],
            },
        },
    ]


def _problem_404(client, slug):
    response = client.get(f"/api/v1/papers/{slug}/lobbyregister/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    return response.json()["detail"]


def test_404_problems_for_non_public_and_non_federal_papers(client, group_software, federal):
    numbered = RegulatoryProjectFactory(lobbyregister_number="RV0009999")
    bmi = federal.dispatches.first().addressee
    land = AddresseeFactory(level=Level.LAND, state=State.SACHSEN)
    PositionPaperPageFactory(
        parent=group_software,
        slug="entwurf",
        publish=False,
        regulatory_projects=[numbered],
        dispatches=[(bmi, dt.date(2025, 3, 2))],
    )
    PositionPaperPageFactory(
        parent=group_software,
        slug="nur-land",
        regulatory_projects=[numbered],
        dispatches=[(land, dt.date(2025, 3, 2))],
    )
    PositionPaperPageFactory(
        parent=group_software,
        slug="ohne-nummer",
        regulatory_projects=[RegulatoryProjectFactory()],
        dispatches=[(bmi, dt.date(2025, 3, 2))],
    )
    assert "nicht öffentlich" in _problem_404(client, "entwurf")
    assert "nicht öffentlich" in _problem_404(client, "gibt-es-nicht")
    assert "kein Versand an Bundesadressaten" in _problem_404(client, "nur-land")
    assert "Lobbyregister-Nummer" in _problem_404(client, "ohne-nummer")

    federal.unpublish()
    assert "nicht öffentlich" in _problem_404(client, federal.slug)


def test_the_yearly_export_writes_json_and_csv(federal, tmp_path):
    call_command("lobbyregister_export", "--year", "2025", "--output", str(tmp_path))
    statements = json.loads((tmp_path / "lobbyregister-2025.json").read_text())
    assert len(statements) == 1
    assert_statement(statements[0])
    assert [g["sendingDate"] for g in statements[0]["recipientGroups"]] == ["2025-03-02"]
    with (tmp_path / "lobbyregister-2025.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["sendingDate"], r["recipientType"], r["title"]) for r in rows] == [
        ("2025-03-02", "parliament", "Ausschuss für Digitales des Deutschen Bundestages"),
        ("2025-03-02", "federalGovernment", "Bundesministerium des Innern"),
    ]

    call_command("lobbyregister_export", "--year", "2024", "--output", str(tmp_path))
    assert json.loads((tmp_path / "lobbyregister-2024.json").read_text()) == []
