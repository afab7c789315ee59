"""Editors' synonyms and abbreviations: kept in the admin, applied at query time on both backends."""

import pytest
from django.test import Client
from django.urls import reverse

from search.models import SearchSynonym
from search.query import query_parse
from search.synonyms import synonyms_expand, synonyms_lookup

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_search_searchsynonym:add"


def search(**params) -> dict:
    response = Client().get("/api/v1/search/", params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def ids(data: dict) -> set[int]:
    return {r["id"] for r in data["results"]}


@pytest.fixture
def papers(make_paper):
    SearchSynonym.objects.create(terms="KI, Künstliche Intelligenz")
    SearchSynonym.objects.create(terms="OZG, Onlinezugangsgesetz")
    return {
        "spelled": make_paper("Künstliche Intelligenz im Mittelstand"),
        "short": make_paper("KI in der Verwaltung", text="Sprachmodelle in Behörden."),
        "law": make_paper("Digitale Verwaltung", text="Das Onlinezugangsgesetz wird novelliert."),
        "other": make_paper("Intelligenz der Netze", text="Künstlich ist hier nichts."),
    }


def test_an_abbreviation_finds_the_spelled_out_term_and_back(search_engine, papers):
    both = {papers["spelled"].pk, papers["short"].pk}
    assert ids(search(q="KI")) == both
    # Typed apart, the spelled-out term is the phrase: "Intelligenz der Netze" is not found.
    assert ids(search(q="Künstliche Intelligenz")) == both
    assert ids(search(q="künstlicher Intelligenz")) == both
    assert ids(search(q="KI Verwaltung")) == {papers["short"].pk}
    assert ids(search(q="OZG")) == {papers["law"].pk}
    assert ids(search(q="Onlinezugangsgesetz")) == {papers["law"].pk}


def test_synonyms_are_highlighted_and_excluded_like_the_word(search_engine, papers):
    data = search(q="KI")
    titles = {r["id"]: r["highlight"]["title"] for r in data["results"]}
    assert (
        titles[papers["spelled"].pk]
        == "<mark>Künstliche</mark> <mark>Intelligenz</mark> im Mittelstand"
    )
    assert ids(search(q="Mittelstand -KI")) == set()
    # An excluded phrase is excluded on PostgreSQL too (Wagtail's compiler drops Not(Phrase)).
    assert ids(search(q='Mittelstand -"Künstliche Intelligenz"')) == set()
    assert ids(search(q="Verwaltung -OZG")) == {papers["short"].pk}


def test_expansion_widens_single_clauses_and_runs_of_clauses(db):
    SearchSynonym.objects.create(terms="KI, Künstliche Intelligenz")
    lookup = synonyms_lookup()

    query = synonyms_expand(query_parse("Künstliche Intelligenz Mittelstand -KI"), lookup=lookup)

    assert [(c.text, c.negated) for c in query.clauses] == [
        ("Künstliche Intelligenz", False),
        ("Mittelstand", False),
        ("KI", True),
    ]
    assert [a.text for a in query.clauses[0].alternatives] == ["KI"]
    assert query.clauses[1].alternatives == ()
    assert [a.text for a in query.clauses[2].alternatives] == ["Künstliche Intelligenz"]


@pytest.fixture
def admin_client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def test_editors_keep_synonyms_and_saving_one_refreshes_cached_searches(
    search_engine,
    admin_client_for,
    editor,
    make_paper,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.SEARCH_CACHE_SECONDS = 300
    make_paper("Digitale Verwaltung", text="Das Onlinezugangsgesetz wird novelliert.")
    assert search(q="OZG")["count"] == 0  # cached now

    client = admin_client_for(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(ADD_URL), {"terms": "OZG , Onlinezugangsgesetz", "note": ""})
    assert response.status_code == 302, response.content[:2000]
    assert SearchSynonym.objects.get().terms == "OZG, Onlinezugangsgesetz"

    assert search(q="OZG")["count"] == 1


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("KI", "Bitte mindestens zwei verschiedene Begriffe angeben"),
        ("KI, ki", "Bitte mindestens zwei verschiedene Begriffe angeben"),
        ("KI, und", "enthält kein Wort, nach dem gesucht werden kann"),
    ],
)
def test_an_entry_needs_two_different_searchable_terms(admin_client_for, editor, terms, message):
    response = admin_client_for(editor).post(reverse(ADD_URL), {"terms": terms, "note": ""})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SearchSynonym.objects.exists()


def test_members_cannot_see_or_change_synonyms(admin_client_for, member_software):
    SearchSynonym.objects.create(terms="KI, Künstliche Intelligenz")
    client = admin_client_for(member_software)
    listing = client.get(reverse("wagtailsnippets_search_searchsynonym:list"))
    assert listing.status_code in {302, 403}
    added = client.post(reverse(ADD_URL), {"terms": "OZG, Onlinezugangsgesetz", "note": ""})
    assert added.status_code in {302, 403}
    assert SearchSynonym.objects.count() == 1
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Synonyme der Suche" not in home
