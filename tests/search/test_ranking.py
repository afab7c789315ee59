"""Ranking on both backends: exact words beat compound parts, phrases matter, groups do not drown."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def titles(q: str) -> list[str]:
    response = Client().get("/api/v1/search/", {"q": q})
    assert response.status_code == 200, response.content
    return [result["title"] for result in response.json()["results"]]


def test_exact_phrase_in_body_beats_a_query_word_inside_a_title_compound(search_engine, make_paper):
    make_paper("Ausfuhrkontrollgesetz", text="Dieses Gesetz regelt die Kontrolle von Maschinen.")
    make_paper(
        "Zollverwaltungsgesetz", text="Die Zollstellen überwachen die Ausfuhr von Maschinen genau."
    )
    make_paper("Glasfaser für Gewerbegebiete", text="Ohne Bezug zu Zöllen.")

    assert titles("Ausfuhr von Maschinen") == ["Zollverwaltungsgesetz", "Ausfuhrkontrollgesetz"]


def test_exact_phrase_in_body_beats_one_query_word_in_the_title(search_engine, make_paper):
    make_paper("Fristen im Verfahren", text="Die Anmeldung erfolgt schriftlich beim Amt.")
    make_paper(
        "Allgemeine Vorschriften",
        text="Das Amt prüft Anträge. Die Frist der Anmeldung beträgt einen Monat.",
    )
    make_paper("Glasfaser für Gewerbegebiete", text="Ohne Bezug zu Ämtern.")

    assert titles("Frist der Anmeldung") == ["Allgemeine Vorschriften", "Fristen im Verfahren"]


def test_a_working_group_name_does_not_outweigh_the_summary(
    search_engine, make_paper, group_software, group_security
):
    make_paper("Cloud für Behörden", parent=group_software, text="Nur über die Cloud.")
    make_paper(
        "Sichere Behördennetze",
        parent=group_security,
        summary="Welche Software Behörden einsetzen sollten.",
    )

    assert titles("Software")[0] == "Sichere Behördennetze"


def test_ein_und_ausfuhr_heading_is_not_an_exclusion(search_engine, make_paper):
    make_paper("Außenwirtschaftsgesetz", text="Die Ein- und -ausfuhr von Waren ist frei.")
    make_paper("Glasfaser für Gewerbegebiete", text="Ohne Bezug zu Waren aus dem Ausland.")

    assert titles("Ein- und -ausfuhr von Waren") == ["Außenwirtschaftsgesetz"]
