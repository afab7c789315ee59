"""Atom feed of public papers: filters, links to the frontend, validation."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from tests.factories import PositionPaperPageFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, query=""):
    response = client.get(f"/feeds/papers.atom{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [
        {
            "title": entry.find(f"{ATOM}title").text,
            "link": entry.find(f"{ATOM}link").get("href"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
            "author": entry.find(f"{ATOM}author/{ATOM}name").text,
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_feed_lists_public_papers_newest_first(client, world):
    PositionPaperPageFactory(parent=world.software, slug="weg", status="zurueckgezogen")
    items = entries(client)
    assert [item["title"] for item in items] == ["Papier Alpha", "Papier Beta"]
    assert items[0]["link"] == f"{settings.FRONTEND_URL}/arbeitskreise/software/papier-alpha/"
    assert items[0]["categories"] == ["Cloud", "Datenschutz"]
    assert items[0]["author"] == "Arbeitskreis Software"


def test_feed_filters(client, world):
    assert [i["title"] for i in entries(client, "?working_group=it-sicherheit")] == ["Papier Beta"]
    assert [i["title"] for i in entries(client, "?tag=cloud")] == ["Papier Alpha"]
    assert [i["title"] for i in entries(client, "?tag=cloud&tag=datenschutz")] == ["Papier Alpha"]
    assert entries(client, "?tag=unbekannt") == []


def test_feed_per_regulatory_project(client, world):
    assert [i["title"] for i in entries(client, "?regulatory_project=nis2umsucg")] == [
        "Papier Alpha"
    ]
    assert entries(client, "?regulatory_project=altes-gesetz") == []


def test_feed_rejects_unknown_and_invalid_parameters(client, world):
    for query in ("?format=rss", "?tag=a%00b", "?working_group=" + "x" * 300):
        response = client.get(f"/feeds/papers.atom{query}")
        assert response.status_code == 400, query
        assert response["Content-Type"] == "application/problem+json"


def test_feed_has_etag_and_answers_304(client, world):
    first = client.get("/feeds/papers.atom")
    assert first["ETag"]
    assert client.get("/feeds/papers.atom", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
