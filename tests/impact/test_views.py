"""The editors' admin view: one form per demand, all or nothing, no revision, editors only."""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from impact.models import DemandImpact

from .conftest import block_ids

pytestmark = pytest.mark.django_db


def _form(paper, **per_block) -> dict:
    data = {}
    for block_id in block_ids(paper):
        values = {"status": "open", "printed_paper": "", "dip_url": "", "law_text": ""}
        values |= {"decided_on": "", "note": ""} | per_block.get(block_id, {})
        data |= {f"{block_id}-{key}": value for key, value in values.items()}
    return data


def test_editors_record_outcomes_without_a_revision(client, editor, group_software, make_paper):
    paper = make_paper(group_software, "admin-papier")
    first, second = block_ids(paper)
    client.force_login(editor)
    url = reverse("impact_edit", args=[paper.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Forderung 1 von admin-papier" in page.content.decode()
    revisions = Revision.page_revisions.filter(object_id=str(paper.pk)).count()

    adopted = {"status": "adopted", "law_text": "§ 1 gilt.", "decided_on": "2025-10-01"}
    response = client.post(url, _form(paper, **{first: adopted}))
    assert response.status_code == 302
    assert DemandImpact.objects.get().block_id == first  # the untouched open one gets no row
    assert Revision.page_revisions.filter(object_id=str(paper.pk)).count() == revisions
    # The paper's edit view offers the button.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[paper.pk]))
    assert url in edit.content.decode()
    del second


def test_one_invalid_demand_saves_nothing_and_says_why(client, editor, group_software, make_paper):
    paper = make_paper(group_software, "halb")
    first, second = block_ids(paper)
    client.force_login(editor)
    valid = {"status": "adopted", "law_text": "§ 1 gilt.", "decided_on": "2025-10-01"}
    invalid = {"status": "not_adopted"}
    response = client.post(
        reverse("impact_edit", args=[paper.pk]), _form(paper, **{first: valid, second: invalid})
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Drucksache und DIP-Link" in text and "Datum der Entscheidung" in text
    assert not DemandImpact.objects.exists()


def test_members_may_not_record_outcomes(client, member_software, group_software, make_paper):
    paper = make_paper(group_software, "nur-redaktion")
    client.force_login(member_software)
    url = reverse("impact_edit", args=[paper.pk])
    # Wagtail turns the refusal into a redirect to the dashboard with its message.
    for response in (client.get(url), client.post(url, _form(paper))):
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not DemandImpact.objects.exists()
