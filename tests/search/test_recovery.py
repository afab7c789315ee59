"""Zero-result recovery: a corrected query's hits, else the best partial matches (relaxed)."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from search.backends.database import DatabaseBackend
from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db


def search(**params) -> dict:
    response = Client().get("/api/v1/search/", params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


@pytest.fixture
def papers(make_paper):
    return {
        "cyber": make_paper("Cybersicherheit im Mittelstand", text="Schutz vor Angriffen."),
        "cloud": make_paper("Cloud im Mittelstand", text="Souveräne Cloud für Unternehmen."),
        "data": make_paper("Datenschutz in Behörden", text="Verwaltung und Datenschutz."),
    }


def test_a_misspelt_query_is_answered_with_the_corrected_query(search_engine, papers):
    data = search(q="Cybersicherhiet")

    assert data["corrected_query"] == "Cybersicherheit"
    assert (data["count"], data["relaxed"], data["suggestion"]) == (1, False, None)
    assert data["results"][0]["id"] == papers["cyber"].pk
    assert data["results"][0]["highlight"]["title"] == "<mark>Cybersicherheit</mark> im Mittelstand"


def test_asked_for_the_own_spelling_the_correction_is_only_offered(search_engine, papers):
    data = search(q="Cybersicherhiet", correct="false")

    assert (data["count"], data["corrected_query"], data["suggestion"]) == (
        0,
        None,
        "Cybersicherheit",
    )


def test_the_own_spelling_of_several_words_gets_partial_matches_and_the_offer(
    search_engine, papers
):
    data = search(q="Cybersicherhiet Mittelstand", correct="false")

    assert (data["suggestion"], data["corrected_query"]) == ("Cybersicherheit Mittelstand", None)
    assert data["relaxed"] is True
    assert {r["id"] for r in data["results"]} == {papers["cyber"].pk, papers["cloud"].pk}


def test_without_a_correction_the_best_partial_matches_come_relaxed(search_engine, papers):
    data = search(q="Cloud Mittelstand Quasselstrippe")

    assert (data["relaxed"], data["corrected_query"]) == (True, None)
    ids = [r["id"] for r in data["results"]]
    # Two of three words first, then one of three; the paper with none is not there.
    assert ids == [papers["cloud"].pk, papers["cyber"].pk]
    assert data["count"] == 2


def test_a_query_that_finds_something_is_neither_corrected_nor_relaxed(search_engine, papers):
    data = search(q="Cloud Mittelstand")
    assert (data["count"], data["corrected_query"], data["relaxed"]) == (1, None, False)
    # One word that matches nothing cannot be relaxed.
    data = search(q="Quasselstrippe")
    assert (data["count"], data["corrected_query"], data["relaxed"]) == (0, None, False)


def test_relaxed_keeps_the_filters_and_the_excluded_words(search_engine, papers):
    data = search(q="Cloud Datenschutz Quasselstrippe -Behörden")
    assert data["relaxed"] is True
    assert [r["id"] for r in data["results"]] == [papers["cloud"].pk]


def test_a_word_only_in_a_draft_or_a_private_paper_is_never_suggested(
    search_engine, papers, make_paper, group_software
):
    # A published paper whose newer draft introduces the word, and a never published one.
    draft = papers["cloud"]
    draft.title = "Quantenkryptografie im Mittelstand"
    draft.save_revision()
    PositionPaperPageFactory(
        parent=group_software, title="Quantenkryptografie", slug="entwurf", publish=False
    )
    private = make_paper("Postquantenverfahren für Behörden")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    private.save_revision().publish()

    for q in ("Quantenkryptografi", "Postquantenverfahrn"):
        for correct in ("true", "false"):
            data = search(q=q, correct=correct)
            assert (data["count"], data["corrected_query"], data["suggestion"]) == (
                0,
                None,
                None,
            ), (q, correct)


def test_the_database_vocabulary_holds_only_indexed_public_words(
    database_search, papers, group_software
):
    PositionPaperPageFactory(
        parent=group_software, title="Quantenkryptografie", slug="entwurf", publish=False
    )
    vocabulary, _by_prefix = DatabaseBackend().vocabulary()
    assert "cybersicherheit" in vocabulary
    assert "quantenkryptografie" not in vocabulary
