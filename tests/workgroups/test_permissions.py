"""The permission matrix: who may edit, publish, review and read what."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from tests.factories import MinutesPageFactory, PositionPaperPageFactory
from workgroups.models import MinutesIndexPage, PositionPaperPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def software_paper(group_software):
    return PositionPaperPageFactory(parent=group_software, title="KI-Verordnung im Mittelstand")


@pytest.fixture
def security_paper(group_security):
    return PositionPaperPageFactory(parent=group_security, title="NIS-2 praxistauglich umsetzen")


def test_member_edits_and_creates_only_in_own_group(
    member_software, software_paper, security_paper, group_software, group_security
):
    own = software_paper.permissions_for_user(member_software)
    other = security_paper.permissions_for_user(member_software)
    assert own.can_edit()
    assert group_software.permissions_for_user(member_software).can_add_subpage()
    assert not other.can_edit()
    assert not group_security.permissions_for_user(member_software).can_add_subpage()


def test_member_cannot_publish_but_can_submit_for_review(member_software, software_paper):
    permissions = software_paper.permissions_for_user(member_software)
    assert not permissions.can_publish()
    assert not permissions.can_unpublish()
    assert permissions.can_submit_for_moderation()


def test_chairs_review_but_do_not_publish(chair_software, software_paper):
    permissions = software_paper.permissions_for_user(chair_software)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_editors_publish_anywhere(editor, software_paper, security_paper, home):
    for page in (software_paper, security_paper, home):
        permissions = page.permissions_for_user(editor)
        assert permissions.can_edit()
        assert permissions.can_publish()
        assert permissions.can_unpublish()


def test_outsider_can_do_nothing(outsider, software_paper):
    permissions = software_paper.permissions_for_user(outsider)
    assert not permissions.can_edit()
    assert not permissions.can_publish()


def test_member_of_other_group_is_refused_by_the_admin_editor(
    client, member_security, software_paper
):
    client.force_login(member_security)
    # 404, as for a page that does not exist: the admin does not confirm other groups' pages.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[software_paper.pk]))
    assert response.status_code == 404
    assert "KI-Verordnung im Mittelstand" not in response.content.decode()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[software_paper.pk]))
    assert response.status_code == 404
    assert PositionPaperPage.objects.get(pk=software_paper.pk).live


def test_member_cannot_publish_through_the_admin(client, member_software, software_paper):
    client.force_login(member_software)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[software_paper.pk]))
    assert response.status_code in (302, 403)
    assert PositionPaperPage.objects.get(pk=software_paper.pk).live


@pytest.fixture
def software_minutes(group_software):
    index = MinutesIndexPage.objects.child_of(group_software).get()
    return MinutesPageFactory(parent=index, title="Sitzung März", slug="sitzung-maerz")


def test_minutes_are_restricted_to_group_and_editors(group_software, software_minutes):
    index = software_minutes.get_parent()
    restriction = PageViewRestriction.objects.get(page=index)
    names = set(restriction.groups.values_list("name", flat=True))
    assert names == {"Arbeitskreis Software", "Arbeitskreis Software – Leitung", "Redaktion"}
    assert software_minutes.get_view_restrictions().exists()


@pytest.mark.parametrize("who", ["anonymous", "member_security", "outsider"])
def test_non_members_cannot_read_minutes(client, request, who, software_minutes):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(software_minutes.url)
    assert response.status_code == 302
    assert "/login" in response["Location"]


@pytest.mark.parametrize("who", ["member_software", "chair_software", "editor"])
def test_members_and_editors_read_minutes(client, request, who, software_minutes):
    client.force_login(request.getfixturevalue(who))
    response = client.get(software_minutes.url)
    assert response.status_code == 200
    assert "Sitzung März" in response.content.decode()


@pytest.fixture
def internal_document(group_software):
    document = get_document_model()(
        title="Teilnehmerliste", collection=group_software.access.collection
    )
    document.file.save("teilnehmerliste.txt", ContentFile(b"vertraulich"), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    "who,allowed",
    [("anonymous", False), ("member_security", False), ("member_software", True), ("editor", True)],
)
def test_group_documents_are_private(client, request, who, allowed, internal_document):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(internal_document.url)
    if allowed:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"vertraulich"
    else:
        # 404 like a missing file, not a login prompt: no hint that the file exists.
        assert response.status_code == 404
        assert "vertraulich" not in str(response.content)


def test_member_may_only_choose_documents_of_own_group(
    member_software, member_security, internal_document
):
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_document_model())

    assert permission_policy.user_has_permission_for_instance(
        member_software, "change", internal_document
    )
    assert not permission_policy.user_has_permission_for_instance(
        member_security, "change", internal_document
    )
    assert not permission_policy.user_has_permission_for_instance(
        member_security, "choose", internal_document
    )
