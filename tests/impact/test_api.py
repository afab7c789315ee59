"""GET /api/v1/impact/: counts per outcome, group, year and level; public papers only."""

import datetime as dt

import pytest
from wagtail.models import PageViewRestriction

from impact.models import DemandImpact
from impact.services import demand_impact_record
from tests.factories import RegulatoryProjectFactory

from .conftest import block_ids

pytestmark = pytest.mark.django_db

EVIDENCE = {"law_text": "§ 1 gilt so.", "decided_on": dt.date(2025, 6, 1)}


def _outcomes(counts) -> dict:
    return {item["status"]["value"]: item["count"] for item in counts["outcomes"]}


def _get(client, query: str = ""):
    response = client.get(f"/api/v1/impact/{query}")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def world(group_software, group_security, make_paper):
    federal = RegulatoryProjectFactory(slug="nis2", level="Bund")
    state = RegulatoryProjectFactory(slug="landes-it", level="Land")
    a = make_paper(group_software, "a", demands=3, year=2025, regulatory_projects=[federal])
    b = make_paper(group_security, "b", demands=2, year=2024, regulatory_projects=[state])
    c = make_paper(group_security, "c", demands=1, year=2025)
    ids = {paper.slug: block_ids(paper) for paper in (a, b, c)}
    demand_impact_record(paper=a, block_id=ids["a"][0], status="adopted", **EVIDENCE)
    demand_impact_record(paper=a, block_id=ids["a"][1], status="partly_adopted", **EVIDENCE)
    demand_impact_record(paper=b, block_id=ids["b"][0], status="not_adopted", **EVIDENCE)
    return {"a": a, "b": b, "c": c}


def test_counts_in_all_and_per_group_year_and_level(client, world):
    data = _get(client)
    assert data["total"]["demands"] == 6
    assert _outcomes(data["total"]) == {
        "open": 3,
        "adopted": 1,
        "partly_adopted": 1,
        "not_adopted": 1,
    }
    groups = {g["working_group"]["slug"]: g for g in data["working_groups"]}
    assert groups["software"]["demands"] == 3
    assert _outcomes(groups["software"])["adopted"] == 1
    assert groups["it-sicherheit"]["demands"] == 3
    assert _outcomes(groups["it-sicherheit"]) == {
        "open": 2,
        "adopted": 0,
        "partly_adopted": 0,
        "not_adopted": 1,
    }
    assert [(y["year"], y["demands"]) for y in data["years"]] == [(2025, 4), (2024, 2)]
    levels = {lv["level"]["value"]: lv for lv in data["levels"]}
    assert levels["Bund"]["demands"] == 3 and levels["Land"]["demands"] == 2
    assert levels["Bund"]["level"]["label"] == "Bund"


def test_filters_narrow_the_counts(client, world):
    assert _get(client, "?working_group=software")["total"]["demands"] == 3
    assert _get(client, "?year=2024")["total"]["demands"] == 2
    by_level = _get(client, "?level=Bund")
    assert by_level["total"]["demands"] == 3
    assert [lv["level"]["value"] for lv in by_level["levels"]] == ["Bund"]
    assert _get(client, "?working_group=gibt-es-nicht")["total"]["demands"] == 0


def test_non_public_papers_are_never_counted(client, world, group_software, make_paper):
    draft = make_paper(group_software, "entwurf", demands=4, publish=False)
    draft.save_revision()
    DemandImpact.objects.create(page=draft, block_id=block_ids(draft)[0], status="adopted")
    gone = make_paper(group_software, "zurueckgenommen", demands=5)
    demand_impact_record(paper=gone, block_id=block_ids(gone)[0], status="adopted", **EVIDENCE)
    gone.unpublish()
    private = make_paper(group_software, "intern", demands=7)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    expired = make_paper(group_software, "abgelaufen", demands=9)
    expired.expire_at = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    expired.save()

    data = _get(client)
    assert data["total"]["demands"] == 6
    assert _outcomes(data["total"])["adopted"] == 1


def test_recording_an_outcome_replaces_the_cached_answer(client, world):
    before = _get(client)
    assert _outcomes(before["total"])["adopted"] == 1
    c = world["c"]
    demand_impact_record(paper=c, block_id=block_ids(c)[0], status="adopted", **EVIDENCE)
    assert _outcomes(_get(client)["total"])["adopted"] == 2


@pytest.mark.parametrize(
    "query", ["?year=zwanzig", "?year=1800", "?level=Mond", "?working_group=a%20b", "?foo=1"]
)
def test_bad_parameters_are_problem_json(client, site_tree, query):
    response = client.get(f"/api/v1/impact/{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["status"] == 400
