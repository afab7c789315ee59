"""Co-authoring groups edit the joint paper in the admin; the choice offers other groups only."""

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission

from review.forms import OWN_GROUP_ERROR
from review.services import COAUTHOR_PAGE_PERMISSIONS
from tests.factories import PositionPaperPageFactory
from tests.workgroups.test_workflow import paper_form_data
from workgroups.models import PositionPaperPage

pytestmark = pytest.mark.django_db


def _edit(client, user, paper, **overrides):
    client.force_login(user)
    coauthors = overrides.pop("co_working_groups", None)
    data = paper_form_data(paper, **overrides)
    if coauthors is not None:
        data["co_working_groups"] = [str(group.pk) for group in coauthors]
    return client.post(reverse("wagtailadmin_pages:edit", args=[paper.pk]), data)


def _can_open_editor(client, user, paper) -> bool:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[paper.pk]))
    return response.status_code == 200


def test_coauthor_member_edits_the_joint_draft(
    client, software_draft, group_security, member_software, member_security
):
    assert not _can_open_editor(client, member_security, software_draft)

    # The software group names IT-Sicherheit as co-author in the editor.
    response = _edit(client, member_software, software_draft, co_working_groups=[group_security])
    assert response.status_code == 302

    # A member of IT-Sicherheit now opens and saves the joint draft.
    assert _can_open_editor(client, member_security, software_draft)
    draft = PositionPaperPage.objects.get(pk=software_draft.pk)
    response = _edit(
        client,
        member_security,
        draft,
        title="Gemeinsamer Entwurf, ergänzt",
        co_working_groups=[group_security],
    )
    assert response.status_code == 302
    latest = PositionPaperPage.objects.get(pk=draft.pk).get_latest_revision()
    assert latest.user == member_security
    assert latest.as_object().title == "Gemeinsamer Entwurf, ergänzt"
    assert not PositionPaperPage.objects.get(pk=draft.pk).live

    # Dropped as co-author, the group loses the paper again.
    response = _edit(client, member_software, draft, co_working_groups=[])
    assert response.status_code == 302
    assert not _can_open_editor(client, member_security, draft)
    assert not GroupPagePermission.objects.filter(page=draft).exists()


def test_coauthor_sees_the_joint_paper_but_no_other_draft_of_that_group(
    client, software_draft, group_software, group_security, member_software, member_security
):
    other = PositionPaperPageFactory(
        parent=group_software, title="Geheimer Software-Entwurf", slug="geheim", publish=False
    )
    _edit(client, member_software, software_draft, co_working_groups=[group_security])

    client.force_login(member_security)
    listing = client.get(reverse("wagtailadmin_explore", args=[group_software.pk]))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Gemeinsamer Entwurf" in html
    assert other.title not in html
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code != 200


def test_coauthor_choice_offers_other_groups_only(
    client, software_draft, group_software, group_security, member_software
):
    client.force_login(member_software)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[software_draft.pk]))
    field = response.context["form"].fields["co_working_groups"]
    offered = set(field.queryset.values_list("pk", flat=True))
    assert group_security.pk in offered
    assert group_software.pk not in offered

    response = _edit(client, member_software, software_draft, co_working_groups=[group_software])
    assert response.status_code == 200
    assert str(OWN_GROUP_ERROR) in str(response.context["form"].errors["co_working_groups"])
    assert not PositionPaperPage.objects.get(pk=software_draft.pk).co_working_groups.exists()
    assert software_draft.get_latest_revision() is None


def test_a_paper_slug_with_umlauts_is_spelt_out_in_ascii(client, software_draft, member_software):
    response = _edit(client, member_software, software_draft, slug="größe-für-ämter")
    assert response.status_code == 302
    paper = PositionPaperPage.objects.get(pk=software_draft.pk)
    assert paper.get_latest_revision().as_object().slug == "groesse-fuer-aemter"


def test_publishing_grants_and_withdraws_coauthor_rights(
    software_draft, group_security, member_security
):
    # Published outside the editor (workflow, scheduler): the publish signal syncs rights.
    access = group_security.access
    software_draft.co_working_groups = [group_security]
    software_draft.save_revision().publish()
    granted = GroupPagePermission.objects.filter(page=software_draft)
    assert set(granted.values_list("group_id", flat=True)) == {
        access.members_id,
        access.chairs_id,
    }
    count = granted.count()
    assert count == 2 * len(COAUTHOR_PAGE_PERMISSIONS)

    # Publishing again adds nothing twice; dropping the co-author withdraws them.
    software_draft.save_revision().publish()
    assert granted.count() == count
    software_draft.co_working_groups = []
    software_draft.save_revision().publish()
    assert not granted.exists()

    # An older revision published while a newer draft names the group: the draft counts.
    older = software_draft.save_revision()
    software_draft.co_working_groups = [group_security]
    software_draft.save_revision()
    older.publish()
    assert granted.count() == count
