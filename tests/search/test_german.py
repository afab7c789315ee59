"""German search behaviour, the same checks on the database backend and on Elasticsearch."""

import datetime as dt

import pytest
from django.test import Client

from workgroups.models import PaperStatus

pytestmark = pytest.mark.django_db


def titles(**params) -> list[str]:
    response = Client().get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return [result["title"] for result in response.json()["results"]]


def test_stemming_finds_inflected_forms(search_engine, make_paper):
    make_paper("Positionspapier zur Cloud-Strategie")
    make_paper("Änderung des Gesetzes zur Vergabe", text="Das Vergabegesetz braucht Reformen.")
    make_paper("Etwas ganz anderes", text="Hier steht nichts Passendes.")

    assert titles(q="Positionspapiere") == ["Positionspapier zur Cloud-Strategie"]
    assert titles(q="Gesetz") == ["Änderung des Gesetzes zur Vergabe"]
    assert titles(q="Reform") == ["Änderung des Gesetzes zur Vergabe"]


@pytest.mark.parametrize("spelling", ["Fachkräfte", "Fachkrafte", "Fachkraefte", "FACHKRÄFTE"])
def test_umlaut_spellings_meet(search_engine, make_paper, spelling):
    make_paper("Mehr Fachkräfte für Sachsen")
    make_paper("Breitband auf dem Land")

    assert titles(q=spelling) == ["Mehr Fachkräfte für Sachsen"]


def test_sharp_s_folds_to_ss(search_engine, make_paper):
    make_paper("Digitale Straßenverwaltung", text="Jede Straße zählt.")

    assert titles(q="Strasse") == ["Digitale Straßenverwaltung"]


def test_compound_parts_are_found(search_engine, make_paper):
    make_paper("Fachkräftegewinnung in Mitteldeutschland")
    make_paper("Abwärme nutzen", text="Die Rechenzentren der Region liefern Wärme.")
    make_paper("Ohne Bezug", text="Ein Text über Glasfaser.")

    assert titles(q="Fachkräfte") == ["Fachkräftegewinnung in Mitteldeutschland"]
    assert titles(q="Gewinnung") == ["Fachkräftegewinnung in Mitteldeutschland"]
    assert titles(q="Zentren") == ["Abwärme nutzen"]


def test_compound_query_finds_its_parts_written_apart(search_engine, make_paper):
    make_paper("Gewinnung internationaler Fachkräfte")

    assert titles(q="Fachkräftegewinnung") == ["Gewinnung internationaler Fachkräfte"]


def test_two_part_words_do_not_match_their_halves_in_unrelated_words(search_engine, make_paper):
    make_paper("Mehr Fachkräfte für Sachsen")
    make_paper("Vergaberecht", text="Jede Fachanwendung zeigt die Innovationskraft der Region.")
    make_paper("Verwaltung", text="Die Information über Förderung lohnt sich.")
    make_paper("Informationssicherheit in Kommunen")

    assert titles(q="Fachkräfte") == ["Mehr Fachkräfte für Sachsen"]
    assert titles(q="Informationssicherheit") == ["Informationssicherheit in Kommunen"]


def test_stop_words_are_ignored(search_engine, make_paper):
    make_paper("Die Cloud für den Mittelstand")
    make_paper("Breitband auf dem Land")

    assert titles(q="die") == []
    assert titles(q="für die Cloud") == ["Die Cloud für den Mittelstand"]


def test_title_ranks_above_body(search_engine, make_paper):
    make_paper("Allgemeines", text="Glasfaser. " * 8 + "Mehr Glasfaser für alle.")
    make_paper("Glasfaser für Gewerbegebiete", text="Ein kurzer Text.")

    assert titles(q="Glasfaser") == ["Glasfaser für Gewerbegebiete", "Allgemeines"]


def test_summary_tags_addressees_projects_rank_above_body(
    search_engine, make_paper, group_software
):
    from tests.factories import AddresseeFactory, RegulatoryProjectFactory

    addressee = AddresseeFactory(name="Bundesnetzagentur", slug="bnetza")
    project = RegulatoryProjectFactory(title="Telekommunikationsgesetz", slug="tkg")
    make_paper("Nur im Text", text="Die Bundesnetzagentur und das Telekommunikationsgesetz.")
    make_paper("Mit Zusammenfassung", summary="Was die Bundesnetzagentur tun sollte.")
    make_paper("Mit Adressat", dispatches=[(addressee, dt.date(2025, 3, 2))])

    ranked = titles(q="Bundesnetzagentur")
    assert ranked[-1] == "Nur im Text"
    assert set(ranked[:2]) == {"Mit Zusammenfassung", "Mit Adressat"}

    make_paper("Mit Vorhaben", regulatory_projects=[project])
    make_paper("Mit Schlagwort", tags=["Telekommunikationsgesetz"])
    ranked = titles(q="Telekommunikationsgesetz")
    assert ranked[-1] == "Nur im Text"
    assert set(ranked[:2]) == {"Mit Vorhaben", "Mit Schlagwort"}


def test_phrase_matches_rank_higher(search_engine, make_paper):
    make_paper("Erstes Papier", text="Wir fordern eine Verwaltung, die digitale Akten nutzt.")
    make_paper("Zweites Papier", text="Wir fordern eine digitale Verwaltung für alle.")

    assert titles(q="digitale Verwaltung") == ["Zweites Papier", "Erstes Papier"]
    assert titles(q='"digitale Verwaltung"') == ["Zweites Papier"]


def test_superseded_rank_below_current_and_withdrawn_are_excluded(search_engine, make_paper):
    current = make_paper("Cloud-Strategie 2025", text="Souveräne Cloud für Behörden.")
    make_paper(
        "Cloud-Strategie 2021",
        text="Souveräne Cloud für Behörden.",
        status=PaperStatus.SUPERSEDED,
        superseded_by=current,
    )
    make_paper(
        "Cloud-Strategie 2019", text="Souveräne Cloud für Behörden.", status=PaperStatus.WITHDRAWN
    )

    assert titles(q="souveräne Cloud") == ["Cloud-Strategie 2025", "Cloud-Strategie 2021"]
    # Its exact title finds it neither (only the others, as the fallback to any word).
    assert "Cloud-Strategie 2019" not in titles(q="Cloud-Strategie 2019")
    assert "Cloud-Strategie 2019" not in titles()


def test_excluded_words_and_quotes_are_plain_text(search_engine, make_paper):
    make_paper("Cloud und Datenschutz")
    make_paper("Cloud und Breitband")

    assert titles(q="Cloud -Breitband") == ["Cloud und Datenschutz"]
    # Engine syntax is never interpreted: brackets, operators and slashes are just text. No
    # paper has all these words; the fallback to any word finds the two Cloud papers (not
    # everything, as a "*" would, and no error).
    assert sorted(titles(q='Cloud AND (title:x OR *) / "')) == [
        "Cloud und Breitband",
        "Cloud und Datenschutz",
    ]
    assert titles(q="Cloud)") != []
