"""bootstrap_site: structure, groups and workflows are created once and repaired idempotently."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Site, Workflow, WorkflowPage

from cms.models import HomePage
from workgroups.models import MinutesIndexPage, WorkingGroupAccess

pytestmark = pytest.mark.django_db


def test_bootstrap_creates_structure_and_is_idempotent(group_software, group_security):
    call_command("bootstrap_site", verbosity=0)
    snapshot = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        MinutesIndexPage.objects.count(),
        WorkingGroupAccess.objects.count(),
    )
    call_command("bootstrap_site", verbosity=0)
    assert snapshot == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        MinutesIndexPage.objects.count(),
        WorkingGroupAccess.objects.count(),
    )
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
    assert WorkflowPage.objects.get(page=group_software).workflow.name == (
        "Arbeitskreis-Review → Redaktion-Freigabe (Arbeitskreis Software)"
    )
    tasks = [t.name for t in WorkflowPage.objects.get(page=group_security).workflow.tasks]
    assert tasks == [
        "Arbeitskreis-Review: Arbeitskreis IT-Sicherheit",
        "Mitzeichnung der Mitgliedsunternehmen",
        "Redaktion-Freigabe",
    ]


def test_renamed_group_keeps_its_roles(group_software):
    access = group_software.access
    group_software.title = "Arbeitskreis Softwareentwicklung"
    group_software.save_revision().publish()
    call_command("bootstrap_site", verbosity=0)
    assert WorkingGroupAccess.objects.get(working_group=group_software).members == access.members
    assert Group.objects.filter(name__startswith="Arbeitskreis Software").count() == 2


def test_removed_permission_is_repaired(group_software):
    GroupPagePermission.objects.filter(group=group_software.access.members).delete()
    call_command("bootstrap_site", verbosity=0)
    codenames = set(
        GroupPagePermission.objects.filter(
            group=group_software.access.members, page=group_software
        ).values_list("permission__codename", flat=True)
    )
    assert codenames == {"add_page", "change_page"}


def test_wagtails_default_groups_and_their_workflow_are_gone(site_tree):
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    # Nobody holds rights from the root page (Wagtail's groups did, with publishing).
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
    default_workflow = Workflow.objects.get(name="Moderators approval")
    assert not default_workflow.active
    assert not WorkflowPage.objects.filter(workflow=default_workflow).exists()
    call_command("bootstrap_site", verbosity=0)
    assert not Workflow.objects.get(name="Moderators approval").active


def test_a_default_group_with_members_stays_with_a_warning(db, caplog):
    from tests.factories import UserFactory
    from workgroups.services.roles import site_bootstrap

    moderator = UserFactory(username="alt-moderator", groups=[Group.objects.get(name="Moderators")])
    with caplog.at_level("WARNING", logger="workgroups.services.roles"):
        result = site_bootstrap(site_name="Testverband")
    assert Group.objects.filter(name="Moderators").exists()
    assert not Group.objects.filter(name="Editors").exists()
    assert Workflow.objects.get(name="Moderators approval").active
    assert len(result["warnings"]) == 1
    assert "„Moderators“ hat 1 Mitglied(er)" in result["warnings"][0]
    assert result["warnings"][0] in caplog.text
    moderator.groups.clear()
    assert site_bootstrap(site_name="Testverband")["warnings"] == []
    assert not Group.objects.filter(name="Moderators").exists()
    assert not Workflow.objects.get(name="Moderators approval").active


@pytest.mark.parametrize(
    ("base_url", "address"),
    [
        ("https://redaktion.verband.example", ("redaktion.verband.example", 443)),
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
    ],
)
def test_the_site_record_names_the_admins_address(db, settings, base_url, address):
    from workgroups.services.roles import site_bootstrap

    settings.WAGTAILADMIN_BASE_URL = base_url
    site_bootstrap(site_name="Testverband")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == address
    assert site.root_url == base_url


def _signoff_task(group):
    from signoff.models import SignoffTask

    return next(
        task.specific
        for task in WorkflowPage.objects.get(page=group).workflow.tasks
        if isinstance(task.specific, SignoffTask)
    )


def test_each_workflow_has_its_own_signoff_settings_and_bootstrap_keeps_them(
    group_software, group_security
):
    from signoff.models import SignoffTask

    software, security = _signoff_task(group_software), _signoff_task(group_security)
    assert software.pk != security.pk
    software.silence_days = 21
    software.save()
    # An editor puts a task of their own into the security group's workflow.
    strict = SignoffTask.objects.create(name="Mitzeichnung (streng)", veto_threshold=1)
    workflow_task = group_security.access.workflow.workflow_tasks.get(task=security)
    workflow_task.task = strict
    workflow_task.save()
    call_command("bootstrap_site", verbosity=0)
    assert _signoff_task(group_software).silence_days == 21
    assert _signoff_task(group_security).pk == strict.pk
    assert _signoff_task(group_security).silence_days == 14
