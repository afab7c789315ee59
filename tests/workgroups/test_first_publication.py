"""Publication date and citation ID come with the first publication, never with a draft."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PositionPaperPageFactory
from workgroups.models import PositionPaperPage

from .test_workflow import paper_form_data

pytestmark = pytest.mark.django_db


def test_a_draft_has_neither_citation_id_nor_publication_date(group_software):
    first = PositionPaperPageFactory(parent=group_software, publication_date=None, publish=False)
    second = PositionPaperPageFactory(parent=group_software, publication_date=None, publish=False)
    first.save_revision()
    for draft in (first, second):
        draft = PositionPaperPage.objects.get(pk=draft.pk)
        assert draft.citation_id is None
        assert draft.publication_date is None


def test_first_publication_sets_the_go_live_date_and_the_citation_id(group_software):
    draft = PositionPaperPageFactory(parent=group_software, publication_date=None, publish=False)
    draft.save_revision().publish()
    paper = PositionPaperPage.objects.get(pk=draft.pk)
    today = timezone.localdate()
    assert paper.publication_date == today
    assert paper.citation_id == f"CITM-POS-{today.year}-01"


def test_a_backdated_paper_keeps_its_date_and_gets_an_id_of_that_year(group_software):
    draft = PositionPaperPageFactory(
        parent=group_software, publication_date=dt.date(2019, 5, 2), publish=False
    )
    draft.save_revision().publish()
    paper = PositionPaperPage.objects.get(pk=draft.pk)
    assert paper.publication_date == dt.date(2019, 5, 2)
    assert paper.citation_id == "CITM-POS-2019-01"


def test_a_later_version_keeps_date_and_id_even_if_the_form_leaves_them_empty(
    client, group_software, editor
):
    draft = PositionPaperPageFactory(parent=group_software, publication_date=None, publish=False)
    draft.save_revision().publish()
    published = PositionPaperPage.objects.get(pk=draft.pk)
    citation_id, date = published.citation_id, published.publication_date

    client.force_login(editor)
    data = paper_form_data(
        published,
        title="Zweite Fassung",
        citation_id="",
        publication_date="",
        **{"action-publish": "1"},
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[published.pk]), data)
    assert response.status_code == 302
    again = PositionPaperPage.objects.get(pk=draft.pk)
    assert again.title == "Zweite Fassung"
    assert (again.citation_id, again.publication_date) == (citation_id, date)


def test_the_preview_of_a_draft_carries_no_publication_date_and_no_id(client, group_software):
    draft = PositionPaperPageFactory(
        parent=group_software, slug="nur-entwurf", publication_date=None, publish=False
    )
    preview = draft.create_page_preview()
    response = client.get("/api/v1/preview/", {"token": preview.token})
    assert response.status_code == 200
    page = response.json()["page"]
    assert page["published_at"] is None
    assert page["citation_id"] is None
