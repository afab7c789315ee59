"""The searchable choosers of the paper editor, through the admin as member and editor."""

import json
import re

import pytest
from django.urls import reverse

from tests.factories import (
    PositionPaperPageFactory,
    RegulatoryProjectFactory,
    WorkingGroupPageFactory,
)
from tests.workgroups.test_workflow import paper_form_data
from workgroups.models import PositionPaperPage

pytestmark = pytest.mark.django_db

# Words that appear nowhere else: in a response they can only come from a draft.
NEVER_PUBLISHED = "xqgruenentwurf"
PENDING_TITLE = "xqumbenennung"
CHOOSER = "/admin/auswahl/arbeitskreise/"


@pytest.fixture
def other_groups(group_index, group_software):
    """A working group never published and one whose pending draft renames it."""
    never = WorkingGroupPageFactory(
        parent=group_index, title=f"Green IT {NEVER_PUBLISHED}", slug="green-it", publish=False
    )
    renamed = WorkingGroupPageFactory(parent=group_index, title="Software-Qualität", slug="qs")
    renamed.title = f"Software {PENDING_TITLE}"
    renamed.save_revision()
    return never, renamed


@pytest.fixture
def software_draft(group_software):
    return PositionPaperPageFactory(
        parent=group_software, title="Cloud-Souveränität", slug="cloud", publish=False
    )


def _html(response) -> str:
    """The chooser's HTML, whether the modal's JSON envelope or the bare results fragment."""
    assert response.status_code == 200, response.content[:300]
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


def _chooser_definitions(body: str) -> dict[str, dict]:
    """The multiple choosers of an edit form: field name → telepath definition."""
    found = {}
    for match in re.finditer(
        r'data-multiple-chooser data-name="([^"]+)".*?<script[^>]*type="application/json">'
        r"(.*?)</script>",
        body,
        re.S,
    ):
        found[match.group(1)] = json.loads(match.group(2))
    return found


def _modal_url(definition: dict) -> str:
    # Telepath packs a chooser as {"_type": ..., "_args": [html, id, {"modalUrl": ...}]}.
    return definition["_args"][2]["modalUrl"]


def test_chooser_search_finds_software_by_soft(client, member_security, group_software):
    client.force_login(member_security)
    html = _html(client.get(CHOOSER, {"q": "soft", "multiple": "1"}))
    assert "Arbeitskreis Software" in html
    results = _html(client.get(f"{CHOOSER}results/", {"q": "soft"}))
    assert "Arbeitskreis Software" in results
    assert "IT-Sicherheit" not in results


def test_editor_offers_other_groups_only(
    client, member_software, software_draft, group_software, group_security
):
    client.force_login(member_software)
    body = client.get(reverse("wagtailadmin_pages:edit", args=[software_draft.pk])).content
    url = _modal_url(_chooser_definitions(body.decode())["co_working_groups"])
    assert url == f"{CHOOSER}?exclude={group_software.pk}"

    # The modal adds its own parameter, as Wagtail's chooser modal does when choosing several.
    html = _html(client.get(f"{url}&multiple=1"))
    assert "Arbeitskreis IT-Sicherheit" in html
    assert "Arbeitskreis Software" not in html
    # Searching and paging keep the own group out.
    results = _html(
        client.get(f"{CHOOSER}results/", {"q": "arbeitskreis", "exclude": group_software.pk})
    )
    assert "Arbeitskreis IT-Sicherheit" in results
    assert "Arbeitskreis Software" not in results
    chosen = client.get(f"{CHOOSER}chosen/{group_software.pk}/", {"exclude": group_software.pk})
    assert chosen.status_code == 404


def test_chooser_shows_no_draft_of_another_group(
    client, member_security, other_groups, group_software
):
    never, renamed = other_groups
    client.force_login(member_security)
    responses = [
        client.get(CHOOSER),
        client.get(CHOOSER, {"multiple": "1"}),
        client.get(f"{CHOOSER}results/", {"q": "green"}),
        client.get(f"{CHOOSER}results/", {"q": "soft"}),
        # Upper case: the page echoing the query is no leak, a result with the word is.
        client.get(f"{CHOOSER}results/", {"q": PENDING_TITLE.upper()}),
        client.get(f"{CHOOSER}chosen-multiple/", {"id": [never.pk, renamed.pk]}),
        client.get(f"{CHOOSER}chosen/{renamed.pk}/"),
    ]
    bodies = "\n".join(r.content.decode() for r in responses)
    assert all(r.status_code == 200 for r in responses)
    assert NEVER_PUBLISHED not in bodies
    assert PENDING_TITLE not in bodies
    # The renamed group is offered under its public name.
    assert "Software-Qualität" in bodies
    multiple = json.loads(responses[5].content)["result"]
    assert [item["id"] for item in multiple] == [str(renamed.pk)]
    assert client.get(f"{CHOOSER}chosen/{never.pk}/").status_code == 404


def test_editor_sees_no_draft_group_in_the_chooser_either(client, editor, other_groups):
    client.force_login(editor)
    html = _html(client.get(f"{CHOOSER}results/", {"q": "green"}))
    assert NEVER_PUBLISHED not in html


def test_member_saves_co_authors_picked_in_the_chooser(
    client, member_software, software_draft, group_security, group_software
):
    client.force_login(member_software)
    # What the chooser hands back for the pick (the modal's "chosen" step) ...
    picked = json.loads(
        client.get(
            f"{CHOOSER}chosen-multiple/", {"id": group_security.pk, "exclude": group_software.pk}
        ).content
    )["result"]
    assert [item["title"] for item in picked] == ["Arbeitskreis IT-Sicherheit"]
    # ... becomes one hidden input per group, sent like a multiple select.
    data = paper_form_data(software_draft)
    data["co_working_groups"] = [item["id"] for item in picked]
    response = client.post(reverse("wagtailadmin_pages:edit", args=[software_draft.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    paper = PositionPaperPage.objects.get(pk=software_draft.pk)
    latest = paper.get_latest_revision_as_object()
    assert [group.pk for group in latest.co_working_groups.all()] == [group_security.pk]

    # The editor shows the chosen group with its remove button, ready to send again.
    body = client.get(reverse("wagtailadmin_pages:edit", args=[software_draft.pk])).content
    assert (
        f'<input type="hidden" name="co_working_groups" value="{group_security.pk}">'
        in body.decode()
    )


def test_member_saves_regulatory_projects_picked_in_the_snippet_chooser(
    client, member_software, software_draft
):
    project = RegulatoryProjectFactory(title="Onlinezugangsgesetz 2.0", slug="ozg")
    RegulatoryProjectFactory(title="Cyber Resilience Act", slug="cra")
    client.force_login(member_software)
    body = client.get(reverse("wagtailadmin_pages:edit", args=[software_draft.pk])).content
    url = _modal_url(_chooser_definitions(body.decode())["regulatory_projects"])
    found = _html(client.get(f"{url}results/", {"q": "onlinez"}))
    assert "Onlinezugangsgesetz 2.0" in found
    assert "Cyber Resilience Act" not in found

    data = paper_form_data(software_draft)
    data["regulatory_projects"] = [str(project.pk)]
    response = client.post(reverse("wagtailadmin_pages:edit", args=[software_draft.pk]), data)
    assert response.status_code == 302
    latest = PositionPaperPage.objects.get(pk=software_draft.pk).get_latest_revision_as_object()
    assert [p.pk for p in latest.regulatory_projects.all()] == [project.pk]


def test_the_editor_names_the_signatories_source_while_there_are_none(
    client, member_software, software_draft
):
    client.force_login(member_software)
    body = client.get(reverse("wagtailadmin_pages:edit", args=[software_draft.pk])).content
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body.decode()))
    assert "Noch keine – sie stammen aus der Mitzeichnung." in text
    assert not re.search(r"Mitgliedsunternehmen None\b", text)
