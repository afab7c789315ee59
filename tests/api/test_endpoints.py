"""Working groups, events, organisations, addressees, regulatory projects, tags and by-path."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.api.conftest import get_json
from tests.factories import EventPageFactory, PositionPaperPageFactory, RegulatoryProjectFactory

pytestmark = pytest.mark.django_db


def test_working_groups_list_and_detail(client, world):
    world.software.topics.add("Cloud")
    world.software.mission = f'<p>Wir <a linktype="page" id="{world.alpha.pk}">arbeiten</a>.</p>'
    world.software.save_revision().publish()
    data = get_json(client, "/api/v1/working-groups/")
    assert [(g["slug"], g["paper_count"]) for g in data["results"]] == [
        ("it-sicherheit", 1),
        ("software", 2),
    ]
    software = data["results"][1]
    assert software["name"] == "Arbeitskreis Software"
    assert software["topics"] == [{"slug": "cloud", "name": "Cloud"}]
    assert software["url"] == "/arbeitskreise/software/"
    assert software["api_url"] == "/api/v1/working-groups/software/"

    detail = get_json(client, "/api/v1/working-groups/software/")
    assert detail["mission"] == (
        '<p>Wir <a href="/arbeitskreise/software/papier-alpha/">arbeiten</a>.</p>'
    )
    assert [e["slug"] for e in detail["upcoming_events"]] == ["treffen-software"]
    assert [o["slug"] for o in detail["member_organisations"]] == ["muster-it"]
    assert detail["papers_api_url"] == "/api/v1/papers/?working_group=software"
    assert client.get("/api/v1/working-groups/gibt-es-nicht/").status_code == 404


def test_paper_count_leaves_out_withdrawn_papers(client, world):
    PositionPaperPageFactory(parent=world.software, slug="weg", status="zurueckgezogen")
    counts = {
        g["slug"]: g["paper_count"] for g in get_json(client, "/api/v1/working-groups/")["results"]
    }
    assert counts["software"] == 2


def test_events_filters(client, world):
    now = timezone.now()
    past = EventPageFactory(
        parent=world.event_index,
        slug="vergangen",
        starts_at=now - dt.timedelta(days=40),
        working_group=world.security,
    )
    running = EventPageFactory(
        parent=world.event_index,
        slug="laeuft",
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(hours=1),
    )

    def event_slugs(query=""):
        return [e["slug"] for e in get_json(client, f"/api/v1/events/{query}")["results"]]

    assert event_slugs() == ["vergangen", "laeuft", "treffen-software"]
    assert event_slugs("?ordering=-starts_at") == ["treffen-software", "laeuft", "vergangen"]
    assert event_slugs("?upcoming=true") == ["laeuft", "treffen-software"]
    assert event_slugs("?working_group=it-sicherheit") == ["vergangen"]
    day = timezone.localtime(past.starts_at).date().isoformat()
    assert event_slugs(f"?from={day}&to={day}") == ["vergangen"]
    assert event_slugs(f"?from={timezone.localdate().isoformat()}") == [
        "laeuft",
        "treffen-software",
    ]
    event = get_json(client, f"/api/v1/events/{running.slug}/")
    assert event["event_type"] == {"value": "arbeitskreis-treffen", "label": "Arbeitskreistreffen"}
    assert event["url"] == "/veranstaltungen/laeuft/"
    assert get_json(client, "/api/v1/events/treffen-software/")["working_group"] == {
        "slug": "software",
        "name": "Arbeitskreis Software",
    }
    assert client.get("/api/v1/events/?from=gestern").status_code == 400
    assert client.get("/api/v1/events/?upcoming=vielleicht").status_code == 400


def test_organisations(client, world):
    data = get_json(client, "/api/v1/organisations/")
    assert data["results"] == [
        {
            "slug": "muster-it",
            "name": "Muster IT GmbH",
            "city": "Leipzig",
            "state": {"value": "DE-SN", "label": "Sachsen"},
            "size_class": None,
            "sectors": [],
            "website": "",
            "working_groups": [{"slug": "software", "name": "Arbeitskreis Software"}],
        }
    ]


def test_addressees(client, world):
    data = get_json(client, "/api/v1/addressees/")
    by_slug = {a["slug"]: a for a in data["results"]}
    assert by_slug["bmi"]["paper_count"] == 1
    assert by_slug["smwa"]["state"] == {"value": "DE-SN", "label": "Sachsen"}
    assert by_slug["bmi"]["state"] is None
    land = get_json(client, "/api/v1/addressees/?level=Land")
    assert [a["slug"] for a in land["results"]] == ["smwa"]


def test_regulatory_projects_open_deadlines_first(client, world):
    RegulatoryProjectFactory(
        title="Bald fällig",
        slug="bald",
        consultation_deadline=timezone.localdate() + dt.timedelta(days=2),
    )
    RegulatoryProjectFactory(title="Aaa ohne Frist", slug="ohne-frist")
    data = get_json(client, "/api/v1/regulatory-projects/")
    # Open consultations by nearest deadline, then everything else by title.
    assert [p["slug"] for p in data["results"]] == [
        "bald",
        "nis2umsucg",
        "ohne-frist",
        "altes-gesetz",
    ]
    first = data["results"][0]
    assert first["consultation_open"] is True and first["paper_count"] == 0
    assert data["results"][1]["paper_count"] == 1
    open_only = get_json(client, "/api/v1/regulatory-projects/?open=true")
    assert [p["slug"] for p in open_only["results"]] == ["bald", "nis2umsucg"]


def test_tags_with_counts(client, world):
    data = get_json(client, "/api/v1/tags/")
    assert [(t["slug"], t["paper_count"]) for t in data["results"]] == [
        ("datenschutz", 2),
        ("cloud", 1),
    ]
    assert data["results"][0]["papers_api_url"] == "/api/v1/papers/?tag=datenschutz"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ("home", None)),
        ("/arbeitskreise/", ("working_group_index", "/api/v1/working-groups/")),
        ("/arbeitskreise/software/", ("working_group", "/api/v1/working-groups/software/")),
        ("/arbeitskreise/software", ("working_group", "/api/v1/working-groups/software/")),
        (
            "/arbeitskreise/software/papier-alpha/",
            ("paper", "/api/v1/papers/papier-alpha/"),
        ),
        ("/veranstaltungen/", ("event_index", "/api/v1/events/")),
        ("/veranstaltungen/treffen-software/", ("event", "/api/v1/events/treffen-software/")),
    ],
)
def test_by_path_resolves_public_pages(client, world, path, expected):
    data = get_json(client, f"/api/v1/pages/by-path/?path={path}")
    assert (data["type"], data["api_url"]) == expected
    assert set(data) == {"id", "type", "slug", "title", "url", "api_url"}


@pytest.mark.parametrize(
    "path",
    ["/gibt/es/nicht/", "arbeitskreise/unbekannt", "/arbeitskreise/software/protokolle/", "//"],
)
def test_by_path_404(client, world, path):
    response = client.get("/api/v1/pages/by-path/", {"path": path})
    if path == "//":
        assert response.status_code == 200  # normalised to the home page
        return
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_by_path_requires_path(client, world):
    response = client.get("/api/v1/pages/by-path/")
    assert response.status_code == 400
    assert "path" in response.json()["detail"]


def test_unknown_api_route_is_a_problem(client, db):
    response = client.get("/api/v1/gibt-es-nicht/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
