"""Papers list and detail: fields, filters, ordering, errors as problem+json."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.api.conftest import PAPER_LIST_FIELDS, get_json
from tests.factories import AddresseeFactory, PositionPaperPageFactory, RegulatoryProjectFactory
from workgroups.models import Level, PaperStatus
from workgroups.services.pdf import simple_pdf

pytestmark = pytest.mark.django_db

LIST_FIELDS = PAPER_LIST_FIELDS


def slugs(data):
    return [item["slug"] for item in data["results"]]


def test_list_has_exactly_the_contract_fields(client, world):
    data = get_json(client, "/api/v1/papers/")
    assert data["count"] == 2 and data["next"] is None and data["previous"] is None
    first = data["results"][0]
    assert set(first) == LIST_FIELDS
    assert first == {
        "id": world.alpha.pk,
        "slug": "papier-alpha",
        "citation_id": world.alpha.citation_id,
        "title": "Papier Alpha",
        "subtitle": "",
        "summary": "Eine kurze Zusammenfassung.",
        "paper_type": {"value": "stellungnahme", "label": "Stellungnahme"},
        "status": {"value": "aktuell", "label": "aktuell"},
        "published_at": "2025-03-01",
        "version": "1.0",
        "working_groups": [{"slug": "software", "name": "Arbeitskreis Software"}],
        "tags": [
            {"slug": "cloud", "name": "Cloud"},
            {"slug": "datenschutz", "name": "Datenschutz"},
        ],
        "addressees": [
            {
                "slug": "bmi",
                "name": "Bundesministerium des Innern",
                "level": {"value": "Bund", "label": "Bund"},
            }
        ],
        "url": "/arbeitskreise/software/papier-alpha/",
        "api_url": "/api/v1/papers/papier-alpha/",
        "pdf_url": None,
    }
    beta = data["results"][1]
    assert beta["working_groups"] == [
        {"slug": "software", "name": "Arbeitskreis Software"},
        {"slug": "it-sicherheit", "name": "Arbeitskreis IT-Sicherheit"},
    ]
    assert response_type(client, "/api/v1/papers/") == "application/json"


def response_type(client, url):
    return client.get(url)["Content-Type"]


def test_list_filters(client, world):
    assert slugs(get_json(client, "/api/v1/papers/?working_group=software")) == [
        "papier-alpha",
        "papier-beta",
    ]
    # Co-authored papers count for the co-authoring group too.
    assert slugs(get_json(client, "/api/v1/papers/?working_group=it-sicherheit")) == ["papier-beta"]
    assert slugs(get_json(client, "/api/v1/papers/?working_group=unbekannt")) == []
    assert slugs(get_json(client, "/api/v1/papers/?tag=datenschutz")) == [
        "papier-alpha",
        "papier-beta",
    ]
    # Repeated tags: all of them must match.
    assert slugs(get_json(client, "/api/v1/papers/?tag=datenschutz&tag=cloud")) == ["papier-alpha"]
    assert slugs(get_json(client, "/api/v1/papers/?paper_type=positionspapier")) == ["papier-beta"]
    assert slugs(get_json(client, "/api/v1/papers/?addressee=bmi")) == ["papier-alpha"]
    assert slugs(get_json(client, "/api/v1/papers/?level=Land")) == ["papier-beta"]
    assert slugs(get_json(client, "/api/v1/papers/?regulatory_project=nis2umsucg")) == [
        "papier-alpha"
    ]
    assert slugs(get_json(client, "/api/v1/papers/?published_after=2025-01-01")) == ["papier-alpha"]
    assert slugs(get_json(client, "/api/v1/papers/?published_before=2024-12-31")) == ["papier-beta"]
    assert slugs(
        get_json(client, "/api/v1/papers/?published_after=2024-06-01&published_before=2024-06-01")
    ) == ["papier-beta"]


def test_ordering(client, world):
    assert slugs(get_json(client, "/api/v1/papers/?ordering=published_at")) == [
        "papier-beta",
        "papier-alpha",
    ]
    assert slugs(get_json(client, "/api/v1/papers/?ordering=-published_at")) == [
        "papier-alpha",
        "papier-beta",
    ]
    assert slugs(get_json(client, "/api/v1/papers/?ordering=title")) == [
        "papier-alpha",
        "papier-beta",
    ]


def test_withdrawn_papers_only_on_request(client, world):
    withdrawn = PositionPaperPageFactory(
        parent=world.software, slug="zurueckgezogen", status=PaperStatus.WITHDRAWN
    )
    assert "zurueckgezogen" not in slugs(get_json(client, "/api/v1/papers/"))
    assert slugs(get_json(client, "/api/v1/papers/?status=zurueckgezogen")) == ["zurueckgezogen"]
    both = slugs(get_json(client, "/api/v1/papers/?status=aktuell&status=zurueckgezogen"))
    assert set(both) == {"papier-alpha", "papier-beta", "zurueckgezogen"}
    # The detail of a withdrawn paper stays reachable (it is public, just withdrawn).
    assert get_json(client, f"/api/v1/papers/{withdrawn.slug}/")["status"] == {
        "value": "zurueckgezogen",
        "label": "zurückgezogen",
    }


def test_pagination(client, world):
    data = get_json(client, "/api/v1/papers/?page_size=1")
    assert data["count"] == 2 and len(data["results"]) == 1
    assert data["next"].endswith("/api/v1/papers/?page=2&page_size=1")
    second = get_json(client, "/api/v1/papers/?page_size=1&page=2")
    assert slugs(second) == ["papier-beta"] and second["next"] is None


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("unbekannt=1", "unbekannt"),
        ("paper_type=roman", "paper_type"),
        ("level=Mond", "level"),
        ("status=geheim", "status"),
        ("published_after=01.02.2025", "published_after"),
        ("published_before=2025-13-01", "published_before"),
        ("ordering=-title", "ordering"),
        ("page_size=101", "page_size"),
        ("page_size=0", "page_size"),
        ("page=abc", "page"),
        ("working_group=" + "x" * 300, "working_group"),
    ],
)
def test_invalid_parameters_are_400_problems_naming_them(client, world, query, parameter):
    response = client.get(f"/api/v1/papers/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["title"] and body["type"]
    assert parameter in body["detail"]
    assert parameter in [error["parameter"] for error in body["errors"]]


def test_page_past_the_end_is_404(client, world):
    response = client.get("/api/v1/papers/?page=9")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_unknown_slug_is_404_problem(client, world):
    response = client.get("/api/v1/papers/gibt-es-nicht/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def _document(title, *, collection=None, content=None):
    document = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file.save(
        f"{title}.pdf",
        ContentFile(content or simple_pdf(title=title, paragraphs=["x"])),
        save=False,
    )
    document.save()
    return document


def test_detail_fields(client, world):
    successor = PositionPaperPageFactory(
        parent=world.software,
        slug="papier-nachfolger",
        title="Papier Nachfolger",
        publication_date=dt.date(2025, 9, 1),
        tags=["Cloud"],
    )
    world.beta.status = PaperStatus.SUPERSEDED
    world.beta.superseded_by = successor
    world.beta.save_revision().publish()
    pdf = _document("papier-alpha")
    alpha = world.alpha
    alpha.pdf = pdf
    alpha.subtitle = "Mit Untertitel"
    alpha.body = [
        {"type": "heading", "value": {"text": "Einleitung", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                f'<p>Siehe <a linktype="page" id="{world.beta.pk}">Beta</a> und '
                '<a href="https://example.org">extern</a> und '
                '<a href="javascript:alert(1)">böse</a>.</p>'
                '<script>alert(1)</script><p onclick="x()">Text</p>'
            ),
        },
        {"type": "quote", "value": {"text": "Ein Zitat.", "attribution": "Jemand"}},
        {
            "type": "table",
            "value": {
                "data": [["Kopf", "Wert"], ["a", None]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Tabelle",
            },
        },
        {"type": "reference", "value": {"label": "1", "text": "Quelle", "url": "https://q.de"}},
        {
            "type": "demand",
            "value": {
                "reference": "§ 1 BSIG",
                "current_wording": "Alt",
                "proposed_change": "Neu",
                "rationale": "Weil",
            },
        },
    ]
    alpha.version_label = "1.1"
    alpha.save_revision().publish()

    data = get_json(client, "/api/v1/papers/papier-alpha/")
    assert set(data) > LIST_FIELDS
    assert data["subtitle"] == "Mit Untertitel"
    assert data["version"] == "1.1"
    assert data["pdf_url"].startswith("http://testserver/documents/")
    assert data["pdf_url"].endswith(".pdf")
    types = [block["type"] for block in data["body"]]
    assert types == ["heading", "paragraph", "quote", "table", "reference", "demand"]
    paragraph = data["body"][1]["value"]
    assert '<a href="/arbeitskreise/software/papier-beta/">Beta</a>' in paragraph
    assert '<a href="https://example.org">extern</a>' in paragraph
    assert "javascript" not in paragraph and "<script" not in paragraph
    assert "onclick" not in paragraph and "böse" in paragraph
    assert data["body"][3]["value"] == {
        "caption": "Tabelle",
        "first_row_is_header": True,
        "first_column_is_header": False,
        "rows": [["Kopf", "Wert"], ["a", ""]],
    }
    assert data["demands"] == [
        {
            "id": data["body"][5]["id"],
            "reference": "§ 1 BSIG",
            "current_wording": "Alt",
            "proposed_change": "Neu",
            "rationale": "Weil",
            # Nothing recorded yet about what became of it (impact/).
            "impact": None,
        }
    ]
    assert data["at_a_glance"] == {
        "verdict": "Die Kernaussage in einem Satz.",
        "key_demands": ["Erste Forderung", "Zweite Forderung"],
    }
    assert [p["slug"] for p in data["regulatory_projects"]] == ["nis2umsucg"]
    assert data["regulatory_projects"][0]["kind"] == {"value": "gesetz", "label": "Gesetz"}
    assert data["dispatches"] == [
        {
            "addressee": {
                "slug": "bmi",
                "name": "Bundesministerium des Innern",
                "level": {"value": "Bund", "label": "Bund"},
            },
            "sent_on": "2025-03-02",
        }
    ]
    assert [s["slug"] for s in data["signatories"]] == ["muster-it"]
    assert data["contact"] == {"name": "Erika Muster", "role": "", "email": "erika@example.org"}
    assert data["supersedes"] == [] and data["superseded_by"] is None
    # Related: shares tags or the working group; most shared tags first.
    assert [p["slug"] for p in data["related"]] == ["papier-nachfolger", "papier-beta"]
    assert [v["version"] for v in data["versions"]] == ["1.1", "1.0"]
    assert data["last_published_at"]

    beta = get_json(client, "/api/v1/papers/papier-beta/")
    assert beta["status"] == {"value": "ueberholt", "label": "überholt"}
    assert beta["superseded_by"]["slug"] == "papier-nachfolger"
    assert beta["superseded_by"]["url"] == "/arbeitskreise/software/papier-nachfolger/"
    successor_data = get_json(client, "/api/v1/papers/papier-nachfolger/")
    assert [p["slug"] for p in successor_data["supersedes"]] == ["papier-beta"]


def test_related_papers_look_past_private_ones_that_share_more_tags(client, world, monkeypatch):
    # Only two candidates are ranked by shared tags before the public scope is checked:
    # both are unpublished, so the related list must come from the full query.
    monkeypatch.setattr("workgroups.selectors.RELATED_CANDIDATES", 2)
    PositionPaperPageFactory(parent=world.security, slug="basis", tags=["Quanten", "Funk"])
    for number in range(2):
        PositionPaperPageFactory(
            parent=world.security, slug=f"verborgen-{number}", tags=["Quanten", "Funk"]
        ).unpublish()
    PositionPaperPageFactory(parent=world.software, slug="sichtbar", tags=["Quanten"])

    related = [p["slug"] for p in get_json(client, "/api/v1/papers/basis/")["related"]]

    assert related[0] == "sichtbar"
    assert not {"verborgen-0", "verborgen-1"} & set(related)


def test_links_to_private_pages_and_documents_lose_their_href(client, world):
    from wagtail.models import PageViewRestriction

    hidden = PositionPaperPageFactory(parent=world.security, slug="versteckt")
    PageViewRestriction.objects.create(page=world.security, restriction_type="login")
    private_collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type="login"
    )
    private_doc = _document("intern", collection=private_collection)
    alpha = world.alpha
    alpha.body = [
        {
            "type": "paragraph",
            "value": (
                f'<p><a linktype="page" id="{hidden.pk}">Geheimpapier</a> '
                f'<a linktype="document" id="{private_doc.pk}">Internes PDF</a></p>'
            ),
        }
    ]
    alpha.pdf = private_doc
    alpha.save_revision().publish()
    data = get_json(client, "/api/v1/papers/papier-alpha/")
    assert data["body"][0]["value"] == "<p>Geheimpapier Internes PDF</p>"
    assert data["pdf_url"] is None
    listed = get_json(client, "/api/v1/papers/?tag=cloud")["results"][0]
    assert listed["pdf_url"] is None


def test_level_filter_uses_addressee_levels(client, world):
    eu = AddresseeFactory(slug="eu-kommission", level=Level.EU)
    PositionPaperPageFactory(
        parent=world.software, slug="eu-papier", dispatches=[(eu, dt.date(2025, 1, 1))]
    )
    assert slugs(get_json(client, "/api/v1/papers/?level=EU")) == ["eu-papier"]


def test_filters_combine(client, world):
    project = RegulatoryProjectFactory(slug="ki-vo")
    PositionPaperPageFactory(
        parent=world.software,
        slug="ki-papier",
        tags=["Datenschutz"],
        regulatory_projects=[project],
        publication_date=dt.date(2023, 1, 1),
    )
    assert slugs(
        get_json(client, "/api/v1/papers/?tag=datenschutz&regulatory_project=ki-vo&ordering=title")
    ) == ["ki-papier"]
