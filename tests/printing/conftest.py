"""Fixtures for generated PDFs: printing switched on, a paper with demands, text extraction."""

import io
import re

import pytest
from pypdf import PdfReader

DEMANDS = [
    {
        "reference": "§ 8a Abs. 1 BSIG",
        "current_wording": "Betreiber treffen angemessene Vorkehrungen.",
        "proposed_change": "Meldewege für kleine Unternehmen bündeln",
        "rationale": "Doppelte Meldungen binden knappe Fachkräfte.",
    },
    {
        "reference": "§ 30 BSIG-E",
        "current_wording": "Die Frist beträgt 24 Stunden.",
        "proposed_change": "Erstmeldung binnen 72 Stunden zulassen",
        "rationale": "Kleine Teams brauchen Zeit für die Analyse.",
    },
]
KEY_DEMANDS = ["Förderprogramme für Mittelständler öffnen", "Prüfkataloge vereinheitlichen"]


@pytest.fixture
def printing_on(settings):
    settings.PRINTING_ON_PUBLISH = True
    return settings


def paper_body(extra: list | None = None) -> list:
    return [
        ("heading", {"text": "Ausgangslage", "level": "h2"}),
        ("paragraph", "<p>Die Wirtschaft in Mitteldeutschland braucht Klarheit.</p>"),
        *[("demand", demand) for demand in DEMANDS],
        *(extra or []),
    ]


def pdf_text(data: bytes) -> str:
    """The PDF's text with hyphenation breaks joined and whitespace collapsed."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    # WeasyPrint hyphenates with U+2010; a real hyphen at a line end stays a hyphen.
    text = re.sub(r"\u2010\s*", "", text)
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text)


def fetch(client, url: str):
    """GET an absolute URL of the test server through the test client."""
    return client.get(url.removeprefix("http://testserver"))
