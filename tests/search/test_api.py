"""The /api/v1/search/ and /search/suggest/ contract, on both backends."""

import datetime as dt

import pytest
from django.test import Client

from tests.api.conftest import PAPER_LIST_FIELDS
from tests.factories import AddresseeFactory, PositionPaperPageFactory, RegulatoryProjectFactory
from workgroups.models import Level

pytestmark = pytest.mark.django_db

FACETS = {"working_group", "paper_type", "tag", "addressee", "level", "regulatory_project", "year"}


def get(url="/api/v1/search/", status=200, **params):
    response = Client().get(url, params)
    assert response.status_code == status, response.content[:600]
    return response


def search(**params) -> dict:
    return get(**params).json()


def facet(data: dict, name: str) -> dict[str, int]:
    return {entry["value"]: entry["count"] for entry in data["facets"][name]}


@pytest.fixture
def cloud_papers(make_paper, group_software, group_security):
    bmi = AddresseeFactory(name="Bundesministerium des Innern", slug="bmi", level=Level.BUND)
    land = AddresseeFactory(
        name="Sächsisches Staatsministerium", slug="smwa", level=Level.LAND, state="DE-SN"
    )
    nis2 = RegulatoryProjectFactory(title="NIS-2-Umsetzungsgesetz", slug="nis2umsucg")
    a = make_paper(
        "Cloud für Behörden",
        text="Eine souveräne Cloud für die Verwaltung.",
        tags=["Cloud", "Verwaltung"],
        paper_type="stellungnahme",
        publication_date=dt.date(2024, 5, 1),
        dispatches=[(bmi, dt.date(2024, 5, 2))],
        regulatory_projects=[nis2],
    )
    b = make_paper(
        "Cloud im Mittelstand",
        text="Cloud-Dienste für kleine Unternehmen.",
        tags=["Cloud"],
        publication_date=dt.date(2025, 2, 1),
        dispatches=[(land, dt.date(2025, 2, 3))],
    )
    c = make_paper(
        "Sichere Cloud-Infrastruktur",
        text="IT-Sicherheit in der Cloud.",
        parent=group_security,
        tags=["Verwaltung"],
        publication_date=dt.date(2025, 6, 1),
    )
    return a, b, c


def test_response_has_the_contract_fields(search_engine, cloud_papers):
    data = search(q="Cloud")

    assert set(data) == {
        "count",
        "next",
        "previous",
        "results",
        "facets",
        "suggestion",
        "corrected_query",
        "relaxed",
    }
    assert data["count"] == 3
    assert data["suggestion"] is None
    assert (data["corrected_query"], data["relaxed"]) == (None, False)
    result = data["results"][0]
    assert set(result) == PAPER_LIST_FIELDS | {"score", "highlight", "pdf_passages"}
    assert isinstance(result["score"], float)
    assert set(result["highlight"]) == {"title", "summary", "body"}
    assert set(data["facets"]) == FACETS
    for entries in data["facets"].values():
        for entry in entries:
            assert set(entry) == {"value", "label", "count"}


def test_results_reuse_the_paper_list_serializer(search_engine, cloud_papers, client):
    hit = search(q="Mittelstand")["results"][0]
    listed = next(
        p for p in client.get("/api/v1/papers/").json()["results"] if p["id"] == hit["id"]
    )
    assert {k: hit[k] for k in PAPER_LIST_FIELDS} == listed


def test_facet_labels_and_counts(search_engine, cloud_papers):
    data = search(q="Cloud")

    assert facet(data, "working_group") == {"software": 2, "it-sicherheit": 1}
    assert facet(data, "tag") == {"cloud": 2, "verwaltung": 2}
    assert facet(data, "year") == {"2025": 2, "2024": 1}
    assert [e["value"] for e in data["facets"]["year"]] == ["2025", "2024"]
    assert facet(data, "level") == {"Bund": 1, "Land": 1}
    assert facet(data, "addressee") == {"bmi": 1, "smwa": 1}
    assert facet(data, "regulatory_project") == {"nis2umsucg": 1}
    assert facet(data, "paper_type") == {"positionspapier": 2, "stellungnahme": 1}
    labels = {e["value"]: e["label"] for e in data["facets"]["working_group"]}
    assert labels == {
        "software": "Arbeitskreis Software",
        "it-sicherheit": "Arbeitskreis IT-Sicherheit",
    }
    assert {e["value"]: e["label"] for e in data["facets"]["paper_type"]}["stellungnahme"] == (
        "Stellungnahme"
    )


def test_facet_counts_reflect_the_other_active_filters(search_engine, cloud_papers):
    data = search(q="Cloud", working_group="software")

    assert data["count"] == 2
    # The working group facet ignores its own filter so the other choice stays visible …
    assert facet(data, "working_group") == {"software": 2, "it-sicherheit": 1}
    # … every other facet counts within it.
    assert facet(data, "tag") == {"cloud": 2, "verwaltung": 1}
    assert facet(data, "year") == {"2025": 1, "2024": 1}

    data = search(q="Cloud", working_group="software", year=2025)
    assert data["count"] == 1
    assert facet(data, "year") == {"2025": 1, "2024": 1}
    assert facet(data, "working_group") == {"software": 1, "it-sicherheit": 1}
    assert facet(data, "tag") == {"cloud": 1}


def test_repeated_tags_must_all_match(search_engine, cloud_papers):
    data = search(q="Cloud", tag=["cloud", "verwaltung"])
    assert [r["title"] for r in data["results"]] == ["Cloud für Behörden"]
    # Tags are a drill-down: their counts include the selected tags.
    assert facet(data, "tag") == {"cloud": 1, "verwaltung": 1}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"paper_type": "stellungnahme"}, ["Cloud für Behörden"]),
        ({"addressee": "smwa"}, ["Cloud im Mittelstand"]),
        ({"level": "Bund"}, ["Cloud für Behörden"]),
        ({"regulatory_project": "nis2umsucg"}, ["Cloud für Behörden"]),
        ({"year": "2024"}, ["Cloud für Behörden"]),
        ({"working_group": "it-sicherheit"}, ["Sichere Cloud-Infrastruktur"]),
        ({"working_group": "gibt-es-nicht"}, []),
    ],
)
def test_filters(search_engine, cloud_papers, params, expected):
    assert [r["title"] for r in search(q="Cloud", **params)["results"]] == expected


def test_co_authoring_group_filter(search_engine, make_paper, group_security):
    make_paper("Gemeinsames Papier zur Cloud", co_working_groups=[group_security])
    assert search(q="Cloud", working_group="it-sicherheit")["count"] == 1


def test_without_q_everything_newest_first(search_engine, cloud_papers):
    data = search()
    assert [r["title"] for r in data["results"]] == [
        "Sichere Cloud-Infrastruktur",
        "Cloud im Mittelstand",
        "Cloud für Behörden",
    ]
    assert all(r["score"] is None for r in data["results"])


def test_highlights_escape_html_except_mark(search_engine, make_paper):
    make_paper(
        'Cloud <script>alert("x")</script> & Co',
        summary="Die <b>Cloud</b> & mehr",
        text="Vorher. Eine Cloud mit &lt;img src=x onerror=alert(1)&gt; im Text.",
    )
    highlight = search(q="Cloud")["results"][0]["highlight"]

    assert highlight["title"] == (
        "<mark>Cloud</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"
    )
    assert highlight["summary"] == "Die &lt;b&gt;<mark>Cloud</mark>&lt;/b&gt; &amp; mehr"
    assert len(highlight["body"]) == 1
    fragment = highlight["body"][0]
    assert "<mark>Cloud</mark>" in fragment
    assert "<img" not in fragment and "&lt;img" in fragment
    stripped = fragment.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped


def test_highlights_mark_folded_spellings_and_compound_parts(search_engine, make_paper):
    make_paper("Fachkräftegewinnung", text="Wir brauchen mehr Fachkräfte in der Region.")
    highlight = search(q="Fachkraefte")["results"][0]["highlight"]
    assert highlight["title"] == "<mark>Fachkräftegewinnung</mark>"
    assert "<mark>Fachkräfte</mark>" in highlight["body"][0]


def test_did_you_mean(search_engine, make_paper):
    make_paper("Digitalisierung der Verwaltung")

    # Asked for the own spelling (correct=false), the correction is only offered.
    assert search(q="Digitalsierung", correct="false")["suggestion"] == "Digitalisierung"
    assert (
        search(q="Digitalsierung Verwaltung", correct="false")["suggestion"]
        == "Digitalisierung Verwaltung"
    )
    assert search(q="Digitalisierung")["suggestion"] is None
    assert search(q="Quasselstrippe")["suggestion"] is None


def test_pagination_links(search_engine, cloud_papers):
    first = search(q="Cloud", page_size=2)
    assert first["previous"] is None
    assert "page=2" in first["next"]
    second = search(q="Cloud", page_size=2, page=2)
    assert second["next"] is None
    assert second["previous"] and "page=" not in second["previous"]
    ids = [r["id"] for r in first["results"] + second["results"]]
    assert len(set(ids)) == 3


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"q": "x" * 201}, "q"),
        ({"q": "Cloud", "page": 101, "page_size": 100}, "page"),
        ({"q": "Cloud", "page": 501}, "page"),
        ({"q": "Cloud", "page_size": 101}, "page_size"),
        ({"q": "Cloud", "page_size": 0}, "page_size"),
        ({"q": "Cloud", "page": 0}, "page"),
        ({"q": "Cloud", "sort": "title"}, "sort"),
        ({"q": "Cloud", "year": "letztes"}, "year"),
        ({"q": "Cloud", "level": "Galaxis"}, "level"),
    ],
)
def test_bad_parameters_are_400_problems(search_engine, cloud_papers, params, parameter):
    response = get(status=400, **params)
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400
    assert parameter in problem["detail"]
    assert parameter in [e["parameter"] for e in problem["errors"]]


def test_a_page_past_the_last_result_is_404(search_engine, cloud_papers):
    response = get(status=404, q="Cloud", page=2)
    assert response["Content-Type"] == "application/problem+json"


def test_nul_characters_are_separators_not_errors(search_engine, cloud_papers):
    assert search(q="Mittel\x00stand")["count"] == search(q="Mittel stand")["count"]
    assert search(q="Mittelstand\x00")["count"] == 1
    assert search(q="Cloud", working_group="soft\x00ware")["count"] == 0


def test_q_of_exactly_200_characters_is_fine(search_engine, cloud_papers):
    # Both words together match nothing: the answer says it fell back to either word.
    data = search(q="Cloud " + "x" * 194)
    assert data["relaxed"] is True and data["count"] == search(q="Cloud")["count"] == 3


def test_suggest_completes_public_titles_and_topics(search_engine, cloud_papers, group_software):
    PositionPaperPageFactory(parent=group_software, title="Cloud-Geheimplan", publish=False)
    data = get("/api/v1/search/suggest/", q="clo").json()

    assert data["query"] == "clo"
    texts = [r["text"] for r in data["results"]]
    assert "Cloud" in texts  # the tag
    assert "Cloud für Behörden" in texts and "Cloud im Mittelstand" in texts
    assert "Cloud-Geheimplan" not in texts
    assert len(texts) <= 8
    paper = next(r for r in data["results"] if r["text"] == "Cloud für Behörden")
    assert paper["kind"] == "paper" and paper["url"].startswith("/arbeitskreise/software/")
    # Any word of a title may start the completion; umlauts may be typed as a/ae.
    assert "Cloud für Behörden" in [
        r["text"] for r in get("/api/v1/search/suggest/", q="Behoerd").json()["results"]
    ]
    assert "Sichere Cloud-Infrastruktur" in [
        r["text"] for r in get("/api/v1/search/suggest/", q="infra").json()["results"]
    ]


def test_suggest_limits_to_eight(search_engine, make_paper):
    for n in range(12):
        make_paper(f"Breitband Ausbau Teil {n}")
    assert len(get("/api/v1/search/suggest/", q="breit").json()["results"]) == 8


def test_suggest_parameters(search_engine):
    assert get("/api/v1/search/suggest/", status=400).json()["errors"][0]["parameter"] == "q"
    get("/api/v1/search/suggest/", status=400, q="x" * 201)
    get("/api/v1/search/suggest/", status=400, q="x", page=1)
