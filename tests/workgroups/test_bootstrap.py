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
    assert tasks == ["Arbeitskreis-Review: Arbeitskreis IT-Sicherheit", "Redaktion-Freigabe"]


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
