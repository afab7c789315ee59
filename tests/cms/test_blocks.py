"""StreamField input the admin's own form never sends: a German validation message, never a 500."""

import pytest
from django.urls import reverse

from tests.factories import PositionPaperPageFactory
from tests.workgroups.test_workflow import paper_form_data
from workgroups.models import PositionPaperPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(group_software):
    return PositionPaperPageFactory(parent=group_software, title="Entwurf", slug="entwurf")


def _post(client, editor, page, data):
    client.force_login(editor)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def _without(data: dict, *prefixes: str) -> dict:
    return {key: value for key, value in data.items() if not key.startswith(prefixes)}


@pytest.mark.parametrize(
    "change",
    [
        "no count",
        "count not a number",
        "count beyond the blocks",
        "unknown block type",
        "no type",
        "order not a number",
        "no deleted flag",
        "broken table data",
    ],
)
def test_broken_streamfield_input_is_a_validation_message(client, editor, draft, change):
    data = paper_form_data(draft)
    body_before = draft.body.get_prep_value()
    revisions_before = draft.revisions.count()
    if change == "no count":
        data = _without(data, "body-count")
    elif change == "count not a number":
        data["body-count"] = "eins"
    elif change == "count beyond the blocks":
        data["body-count"] = "3"
    elif change == "unknown block type":
        data["body-0-type"] = "gibt_es_nicht"
    elif change == "no type":
        data = _without(data, "body-0-type")
    elif change == "order not a number":
        data["body-0-order"] = "zuerst"
    elif change == "no deleted flag":
        data = _without(data, "body-0-deleted")
    elif change == "broken table data":
        data.update({"body-0-type": "table", "body-0-value": "{kein json"})
    response = _post(client, editor, draft, data)
    assert response.status_code == 200
    assert "Der Inhalt konnte nicht gelesen werden" in response.content.decode()
    draft.refresh_from_db()
    assert draft.revisions.count() == revisions_before
    assert PositionPaperPage.objects.get(pk=draft.pk).body.get_prep_value() == body_before


def test_well_formed_input_still_saves(client, editor, draft):
    revisions_before = draft.revisions.count()
    response = _post(client, editor, draft, paper_form_data(draft))
    assert response.status_code == 302
    assert draft.revisions.count() == revisions_before + 1
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().body[0].block_type == "paragraph"
