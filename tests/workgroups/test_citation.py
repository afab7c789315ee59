"""Citation IDs: the generator and the pattern agree for any count; clashes name nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import PositionPaperPageFactory
from workgroups.models import PaperType, PositionPaperPage
from workgroups.models.papers import CITATION_ID_RE

from .test_workflow import paper_form_data

pytestmark = pytest.mark.django_db

YEAR_2026 = dt.date(2026, 5, 4)


@pytest.mark.parametrize(
    "highest,expected",
    [
        (None, "CITM-POS-2026-01"),
        ("CITM-POS-2026-98", "CITM-POS-2026-99"),
        ("CITM-POS-2026-999", "CITM-POS-2026-1000"),
        ("CITM-POS-2026-1000", "CITM-POS-2026-1001"),
        ("CITM-POS-2026-99999", "CITM-POS-2026-100000"),
    ],
)
def test_generated_citation_id_follows_the_highest_and_is_valid(group_software, highest, expected):
    if highest:
        # A row with a high number stands in for the 999 papers before it.
        PositionPaperPageFactory(
            parent=group_software, citation_id=highest, publication_date=YEAR_2026, publish=False
        )
    # The ID is assigned as the paper is first published.
    paper = PositionPaperPageFactory(parent=group_software, publication_date=YEAR_2026)
    assert paper.citation_id == expected
    assert CITATION_ID_RE.match(paper.citation_id)
    paper.full_clean()


def test_the_thousandth_paper_is_saved_and_published(group_software):
    PositionPaperPageFactory(
        parent=group_software, citation_id="CITM-STN-2026-999", publication_date=YEAR_2026
    )
    paper = PositionPaperPageFactory(
        parent=group_software,
        paper_type=PaperType.STELLUNGNAHME,
        publication_date=YEAR_2026,
    )
    paper.refresh_from_db()
    assert paper.live
    assert paper.citation_id == "CITM-STN-2026-1000"


def test_numbers_are_compared_as_numbers_not_text(group_software):
    for citation_id in ("CITM-POS-2026-1000", "CITM-POS-2026-999"):
        PositionPaperPageFactory(
            parent=group_software,
            citation_id=citation_id,
            publication_date=YEAR_2026,
            publish=False,
        )
    paper = PositionPaperPage(paper_type=PaperType.POSITIONSPAPIER, publication_date=YEAR_2026)
    assert paper.next_citation_id() == "CITM-POS-2026-1001"


def test_a_hand_written_citation_id_must_keep_the_form(group_software):
    paper = PositionPaperPageFactory(parent=group_software, publish=False)
    paper.citation_id = "CITM-POS-26-1"
    with pytest.raises(ValidationError) as error:
        paper.full_clean()
    assert "citation_id" in error.value.message_dict


@pytest.fixture
def hidden_draft(group_software):
    return PositionPaperPageFactory(
        parent=group_software,
        title="Geheimer Entwurf Cloudpflicht",
        slug="geheimer-entwurf-cloudpflicht",
        citation_id="CITM-POS-2026-42",
        publication_date=YEAR_2026,
        publish=False,
    )


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("slug", "geheimer-entwurf-cloudpflicht", "Diese Kurzbezeichnung ist schon vergeben"),
        ("citation_id", "CITM-POS-2026-42", "Diese Zitier-ID ist schon vergeben"),
    ],
)
def test_clash_with_another_groups_draft_is_refused_without_naming_it(
    client, group_security, member_security, hidden_draft, field, value, message
):
    own = PositionPaperPageFactory(parent=group_security, title="Eigenes Papier", publish=False)
    client.force_login(member_security)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[own.pk]), paper_form_data(own, **{field: value})
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "Geheimer Entwurf" not in body
    other_attribute = {"slug": hidden_draft.citation_id, "citation_id": hidden_draft.slug}[field]
    assert other_attribute not in body
    assert getattr(PositionPaperPage.objects.get(pk=own.pk), field) != value
