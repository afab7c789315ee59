"""The dashboard (Wagtail home) as a member, a lead and an editor: own groups only."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def _section(html: str, css_class: str) -> str:
    match = re.search(rf'class="[^"]*{css_class}[^"]*">(.*?)</(ul|table)>', html, re.S)
    return match.group(1) if match else ""


def test_member_sees_own_groups_drafts_meetings_minutes_and_people(
    client, world, member_software, chair_software
):
    html = _dashboard(client, member_software)

    assert "Arbeitskreis Software" in html
    drafts = _section(html, "workspace-drafts")
    assert "Entwurf Software-Geheim" in drafts
    assert "Mira Meier" in drafts  # the author
    assert "Entwurf" in drafts  # the workflow step of a draft not submitted
    assert "noch 5 Tage" in drafts  # due date from the consultation deadline
    meetings = _section(html, "workspace-meetings")
    assert "Sitzung Software Dezember" in meetings
    assert "Dresden, Kraftwerk Mitte" in meetings
    assert "Protokoll Software Oktober" in _section(html, "workspace-minutes")
    assert "KI-Verordnung Sachsen" in _section(html, "workspace-consultations")
    people = _section(html, "workspace-people")
    assert "Mira Meier" in people and "Elbtal Software AG" in people
    assert "leitung-software" in people and "Leitung" in people


def test_member_sees_nothing_of_another_group(client, world, member_software, member_security):
    html = _dashboard(client, member_software)
    for foreign in (
        "Entwurf Sicherheit-Geheim",
        "Sitzung Sicherheit Dezember",
        "Protokoll Sicherheit Oktober",
        "Arbeitskreis IT-Sicherheit",
        "mitglied-sicherheit",
    ):
        assert foreign not in html

    # And the other way round: the security member gets no panel of the software group.
    html = _dashboard(client, member_security)
    assert "Entwurf Sicherheit-Geheim" in _section(html, "workspace-drafts")
    for foreign in (
        "Entwurf Software-Geheim",
        "Sitzung Software Dezember",
        "Protokoll Software Oktober",
        "Elbtal Software AG",
        "KI-Verordnung Sachsen",
    ):
        assert foreign not in html


def test_person_without_group_gets_no_workspace_panel(client, world, outsider):
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    html = _dashboard(client, outsider)
    assert "workspace-drafts" not in html
    assert "Entwurf Software-Geheim" not in html


def test_lead_sees_what_awaits_their_review(
    client, world, group_software, member_software, chair_software
):
    draft = world.software_draft
    group_software.access.workflow.start(draft, member_software)

    lead_html = _dashboard(client, chair_software)
    reviews = _section(lead_html, "workspace-reviews")
    assert "Entwurf Software-Geheim" in reviews
    assert "Arbeitskreis-Review" in reviews
    assert "Sie leiten diesen Arbeitskreis." in lead_html
    # The draft's step is the workflow task it waits in.
    assert "Arbeitskreis-Review" in _section(lead_html, "workspace-drafts")

    # A member cannot decide the review: nothing waits for them.
    member_html = _dashboard(client, member_software)
    assert _section(member_html, "workspace-reviews") == ""
    assert "Nichts wartet auf Ihre Prüfung." in member_html


def test_a_draft_back_with_its_authors_reads_aenderungen_angefordert(
    client, world, group_software, member_software, chair_software
):
    draft = world.software_draft
    state = group_software.access.workflow.start(draft, member_software)
    state.current_task_state.reject(user=chair_software, comment="Bitte kürzen.")

    drafts = _section(_dashboard(client, member_software), "workspace-drafts")
    assert "Änderungen angefordert (Arbeitskreis-Review" in drafts


def test_editor_sees_every_group_and_consultations_without_a_paper(client, world, editor):
    html = _dashboard(client, editor)
    assert "Entwurf Software-Geheim" in html
    assert "Entwurf Sicherheit-Geheim" in html
    assert "Sie sehen diesen Arbeitskreis als Redaktion." in html

    unclaimed = re.search(r'id="workspace-unclaimed-section".*?</section>', html, re.S).group(0)
    assert "Anhörungen noch ohne Stellungnahme" in unclaimed
    assert "Breitbandgesetz ohne Papier" in unclaimed
    assert "KI-Verordnung Sachsen" not in unclaimed  # the software draft works on it


def test_members_get_no_unclaimed_consultations_panel(client, world, member_software):
    html = _dashboard(client, member_software)
    assert "Anhörungen noch ohne Stellungnahme" not in html
    assert "Breitbandgesetz ohne Papier" not in html


def test_co_authored_draft_is_listed_where_the_person_may_see_it(
    client, world, group_software, group_security, member_security
):
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    draft = world.software_draft
    draft.co_working_groups.set([group_security])
    draft.save()
    # The dashboard follows the admin policy: a right on the paper puts it in the workspace.
    GroupPagePermission.objects.create(
        group=group_security.access.members,
        page=draft,
        permission=Permission.objects.get(codename="change_page"),
    )
    drafts = _section(_dashboard(client, member_security), "workspace-drafts")
    assert "Entwurf Software-Geheim" in drafts and "mitverfasst" in drafts


def test_paper_editor_offers_the_internal_date(client, world, chair_software):
    edit = reverse("wagtailadmin_pages:edit", args=[world.software_draft.pk])
    form = reverse("workspace_paper_deadline", args=[world.software_draft.pk])
    client.force_login(chair_software)
    assert form in client.get(edit).content.decode()
