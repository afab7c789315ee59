"""Recording impact: per demand block, no new revision, evidence required, follows the block."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Revision

from impact.models import DemandImpact
from impact.services import demand_impact_record

from .conftest import block_ids

pytestmark = pytest.mark.django_db

ADOPTED = {
    "status": "adopted",
    "printed_paper": "20/12345",
    "dip_url": "https://dip.bundestag.de/vorgang/beispiel/123456",
    "decided_on": dt.date(2025, 11, 20),
}


def _detail(client, slug):
    response = client.get(f"/api/v1/papers/{slug}/")
    assert response.status_code == 200
    return response.json()


def test_recording_creates_no_revision_and_shows_in_the_api(client, group_software, make_paper):
    paper = make_paper(group_software, "meldewege")
    first, second = block_ids(paper)
    revisions = Revision.page_revisions.filter(object_id=str(paper.pk)).count()
    before = _detail(client, paper.slug)
    assert [d["impact"] for d in before["demands"]] == [None, None]

    demand_impact_record(paper=paper, block_id=first, note="Im Ausschuss übernommen.", **ADOPTED)

    paper.refresh_from_db()
    assert Revision.page_revisions.filter(object_id=str(paper.pk)).count() == revisions
    assert not paper.has_unpublished_changes
    after = _detail(client, paper.slug)  # a fresh answer, not the cached one
    impact = after["demands"][0]["impact"]
    assert after["demands"][0]["id"] == first
    assert impact["status"] == {"value": "adopted", "label": "übernommen"}
    assert impact["printed_paper"] == "20/12345"
    assert impact["decided_on"] == "2025-11-20"
    assert impact["note"] == "Im Ausschuss übernommen."
    assert after["demands"][1]["id"] == second and after["demands"][1]["impact"] is None
    assert after["versions"] == before["versions"]


def test_the_record_follows_its_demand_into_the_next_version(client, group_software, make_paper):
    paper = make_paper(group_software, "fristen")
    first = block_ids(paper)[0]
    demand_impact_record(paper=paper, block_id=first, **ADOPTED)
    # Editors reword the demand in a new version: Wagtail keeps the block's id.
    body = paper.body.raw_data
    body[0]["value"]["proposed_change"] = "Neu formulierte Forderung"
    paper.body = body
    paper.version_label = "1.1"
    paper.save_revision().publish()

    demands = _detail(client, paper.slug)["demands"]
    assert demands[0]["proposed_change"] == "Neu formulierte Forderung"
    assert demands[0]["impact"]["status"]["value"] == "adopted"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"status": "adopted", "decided_on": dt.date(2025, 1, 1)}, "printed_paper", "Beleg"),
        (
            {"status": "not_adopted", "decided_on": dt.date(2025, 1, 1), "printed_paper": "20/1"},
            "printed_paper",
            "DIP-Link",
        ),
        ({"status": "partly_adopted", "law_text": "§ 1 gilt."}, "decided_on", "Datum"),
        (
            {"status": "adopted", "dip_url": "kein link", **ADOPTED | {"dip_url": "x"}},
            "dip_url",
            "",
        ),
    ],
)
def test_a_decided_outcome_needs_evidence_and_a_date(
    group_software, make_paper, fields, field, message
):
    paper = make_paper(group_software, "belege")
    with pytest.raises(ValidationError) as error:
        demand_impact_record(paper=paper, block_id=block_ids(paper)[0], **fields)
    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])
    assert not DemandImpact.objects.exists()


def test_an_open_demand_needs_no_evidence_and_an_unknown_block_is_refused(
    group_software, make_paper
):
    paper = make_paper(group_software, "offen")
    demand_impact_record(paper=paper, block_id=block_ids(paper)[1], status="open")
    assert DemandImpact.objects.get().status == "open"
    with pytest.raises(ValidationError, match="veröffentlichten Fassung"):
        demand_impact_record(paper=paper, block_id="gibt-es-nicht", status="open")
