"""Text inside attached PDFs: extracted by the index worker per page, found, shown with its page."""

import io

import pytest
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction

from search import pdf as pdf_module
from search.models import PdfText
from search.pdf import pdf_pages
from tests.search.pdfs import pdf_bytes, pdf_document

pytestmark = pytest.mark.django_db

PAGES = (
    "Einleitung und Überblick über die Position.",
    "Zur Lage der Netze in Sachsen.",
    "Die Breitbandförderung im ländlichen Raum muss schneller werden.",
)


def search(**params) -> dict:
    response = Client().get("/api/v1/search/", params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


@pytest.fixture
def paper_with_pdf(make_paper):
    document = pdf_document("Positionspapier Netze", *PAGES)
    return make_paper("Schnelles Internet für alle", text="Netzausbau jetzt.", pdf=document)


def test_a_word_only_in_the_pdf_finds_the_paper_and_shows_the_page(search_engine, paper_with_pdf):
    data = search(q="Breitbandförderung")

    assert data["count"] == 1
    hit = data["results"][0]
    assert hit["id"] == paper_with_pdf.pk
    assert hit["pdf_passages"] == [
        {
            "page": 3,
            "highlight": "Die <mark>Breitbandförderung</mark> im ländlichen Raum muss "
            "schneller werden.",
        }
    ]
    assert hit["highlight"]["body"] == []  # not in the paper's own text


def test_pdf_text_is_compound_aware_and_folds_umlauts(search_engine, paper_with_pdf):
    # A part of the compound, typed without umlaut.
    for q in ("Breitband", "Breitbandfoerderung", "laendlichen Raum"):
        data = search(q=q)
        assert data["count"] == 1, q
        assert [p["page"] for p in data["results"][0]["pdf_passages"]] == [3], q
    assert (
        "<mark>Breitbandförderung</mark>"
        in search(q="Breitband")["results"][0]["pdf_passages"][0]["highlight"]
    )


def test_hits_in_the_paper_and_its_pdf_count_as_one_paper(search_engine, paper_with_pdf):
    data = search(q="Sachsen Netze")
    assert data["count"] == 1
    assert [p["page"] for p in data["results"][0]["pdf_passages"]] == [2]


def test_a_pdf_in_a_restricted_collection_is_not_searched(search_engine, make_paper):
    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = pdf_document("Intern", *PAGES, collection=internal)
    make_paper("Schnelles Internet für alle", pdf=document)

    assert search(q="Breitbandförderung")["count"] == 0
    assert search(q="Internet")["results"][0]["pdf_passages"] == []


def test_the_text_of_a_file_is_extracted_once(database_search, make_paper, monkeypatch):
    calls = []
    real = pdf_module.pdf_pages
    monkeypatch.setattr(pdf_module, "pdf_pages", lambda file: calls.append(1) or real(file))
    content = pdf_bytes(*PAGES)
    first = make_paper("Erstes Papier", pdf=pdf_document("Eins", content=content))
    make_paper("Zweites Papier", pdf=pdf_document("Zwei", content=content))
    first.save_revision().publish()

    assert len(calls) == 1
    assert PdfText.objects.count() == 1
    assert search(q="Breitbandförderung")["count"] == 2


def test_a_broken_pdf_does_not_stop_indexing_the_paper(search_engine, make_paper):
    broken = pdf_document("Kaputt", content=b"%PDF-1.4\nkein echtes PDF")
    paper = make_paper("Schnelles Internet für alle", pdf=broken)

    data = search(q="Internet")
    assert [r["id"] for r in data["results"]] == [paper.pk]
    assert data["results"][0]["pdf_passages"] == []


def test_pdf_pages_reads_any_pdf_file_page_by_page():
    content = pdf_bytes("Seite eins", "Digitali-\nsierung der Verwaltung und IT-\nSicherheit")

    pages = pdf_pages(io.BytesIO(content))

    assert pages == ["Seite eins", "Digitalisierung der Verwaltung und IT-Sicherheit"]
    assert pdf_pages(io.BytesIO(b"kein PDF")) == []
