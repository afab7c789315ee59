"""Editorial roles: the editors' group, one member and one chair group per working group,
their permissions, private areas and the two-step review workflow. Every function here is
idempotent: running it again repairs drift and changes nothing else."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from review.models import GroupLeadsApprovalTask
from workgroups.access.public import released_collection_ensure
from workgroups.models import (
    Addressee,
    MeetingIndexPage,
    MinutesIndexPage,
    Organisation,
    RegulatoryProject,
    WorkingGroupAccess,
    WorkingGroupPage,
)
from workgroups.services.pages import page_publish

EDITORS_GROUP_NAME = "Redaktion"
EDITORS_TASK_NAME = "Redaktion-Freigabe"
PUBLICATIONS_COLLECTION_NAME = "Veröffentlichungen"
MEMBER_PAGE_PERMISSIONS = ("add", "change")
EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")
IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")
# Created by Wagtail's migrations, with publish rights from the root; not roles of this site.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

logger = logging.getLogger(__name__)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_page_permissions(*, group: Group, page: Page, types: tuple[str, ...]) -> None:
    page_ct = ContentType.objects.get_for_model(Page)
    for permission_type in types:
        permission = Permission.objects.get(
            content_type=page_ct, codename=f"{permission_type}_page"
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection_permissions(
    *, group: Group, collection: Collection, app_label: str, codenames: tuple[str, ...]
) -> None:
    for codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def _child_collection(name: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


@transaction.atomic
def editors_group_ensure() -> Group:
    """The editors' group ("Redaktion"): may edit and publish everywhere on the site."""
    from cms.models import HomePage

    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP_NAME)
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for model in (Organisation, Addressee, RegulatoryProject):
        for action in ("add", "change", "delete"):
            group.permissions.add(
                _permission(model._meta.app_label, f"{action}_{model._meta.model_name}")
            )
    for home in HomePage.objects.all():
        _grant_page_permissions(group=group, page=home, types=EDITOR_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    _grant_collection_permissions(
        group=group,
        collection=root_collection,
        app_label="wagtaildocs",
        codenames=(*DOCUMENT_PERMISSIONS, "delete_document"),
    )
    _grant_collection_permissions(
        group=group,
        collection=root_collection,
        app_label="wagtailimages",
        codenames=(*IMAGE_PERMISSIONS, "delete_image"),
    )
    return group


def editors_task_ensure(*, editors: Group | None = None) -> GroupApprovalTask:
    """The second workflow step, approved by the editors (``editors``: already ensured)."""
    task = GroupApprovalTask.objects.filter(name=EDITORS_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=EDITORS_TASK_NAME)
    task.groups.set([editors or editors_group_ensure()])
    return task


@transaction.atomic
def working_group_roles_ensure(*, working_group: WorkingGroupPage) -> WorkingGroupAccess:
    """Member and chair groups, private minutes and documents, and the review workflow."""
    editors = editors_group_ensure()
    access = WorkingGroupAccess.objects.filter(working_group=working_group).first()
    name = working_group.title
    if access is None:
        members, _c = Group.objects.get_or_create(name=name)
        chairs, _c = Group.objects.get_or_create(name=_("%(name)s – Leitung") % {"name": name})
        collection = _child_collection(_("%(name)s – intern") % {"name": name})
        workflow, _c = Workflow.objects.get_or_create(
            name=_("Arbeitskreis-Review → Redaktion-Freigabe (%(name)s)") % {"name": name}
        )
        access = WorkingGroupAccess.objects.create(
            working_group=working_group,
            members=members,
            chairs=chairs,
            collection=collection,
            workflow=workflow,
        )

    group_roles = (access.members, access.chairs)
    publications = _child_collection(PUBLICATIONS_COLLECTION_NAME)
    for group in group_roles:
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
        _grant_page_permissions(group=group, page=working_group, types=MEMBER_PAGE_PERMISSIONS)
        _grant_collection_permissions(
            group=group,
            collection=access.collection,
            app_label="wagtaildocs",
            codenames=DOCUMENT_PERMISSIONS,
        )
        # Members upload the PDF of their paper into the public publications collection.
        _grant_collection_permissions(
            group=group,
            collection=publications,
            app_label="wagtaildocs",
            codenames=("add_document", "choose_document"),
        )

    insiders = [access.members, access.chairs, editors]
    restriction = CollectionViewRestriction.objects.filter(collection=access.collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=access.collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.restriction_type = CollectionViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set(insiders)

    minutes_index_ensure(working_group=working_group, groups=insiders)
    meeting_index_ensure(working_group=working_group, groups=insiders)
    _review_workflow_ensure(access=access, working_group=working_group, editors=editors)
    return access


def _restricted_section_ensure(
    *,
    model: type[Page],
    working_group: WorkingGroupPage,
    groups: list[Group],
    title: str,
    slug: str,
) -> Page:
    # The view restriction exists before the section goes live, so nothing below it is
    # ever public for a moment.
    section = model.objects.child_of(working_group).first()
    if section is None:
        section = model(title=title, slug=slug, live=False)
        working_group.add_child(instance=section)
    restriction = PageViewRestriction.objects.filter(page=section).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.GROUPS
        )
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set(groups)
    if not section.live:
        page_publish(page=section)
    return section


def minutes_index_ensure(
    *, working_group: WorkingGroupPage, groups: list[Group]
) -> MinutesIndexPage:
    """The group's "Protokolle" section, restricted to the given groups before it goes live."""
    return _restricted_section_ensure(
        model=MinutesIndexPage,
        working_group=working_group,
        groups=groups,
        title=_("Protokolle"),
        slug="protokolle",
    )


def meeting_index_ensure(
    *, working_group: WorkingGroupPage, groups: list[Group]
) -> MeetingIndexPage:
    """The group's "Interne Termine" section, restricted like its minutes."""
    return _restricted_section_ensure(
        model=MeetingIndexPage,
        working_group=working_group,
        groups=groups,
        title=_("Interne Termine"),
        slug="interne-termine",
    )


def _review_workflow_ensure(
    *, access: WorkingGroupAccess, working_group: WorkingGroupPage, editors: Group
) -> None:
    review_name = _("Arbeitskreis-Review: %(name)s") % {"name": working_group.title}
    existing = access.workflow.workflow_tasks.order_by("sort_order").select_related("task")
    review_task = existing[0].task.specific if existing else None
    # The first step needs the lead of every authoring group (review/), which a
    # GroupApprovalTask of this group's chairs (earlier installations) cannot express.
    if not isinstance(review_task, GroupLeadsApprovalTask):
        review_task = GroupLeadsApprovalTask.objects.create(name=review_name)
    tasks = [review_task, *_signoff_steps(access.workflow), editors_task_ensure(editors=editors)]
    current = [wt.task_id for wt in existing]
    if current != [task.pk for task in tasks]:
        WorkflowTask.objects.filter(workflow=access.workflow).delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=access.workflow, task=task, sort_order=order)
    WorkflowPage.objects.update_or_create(
        page=working_group, defaults={"workflow": access.workflow}
    )


def _signoff_steps(workflow: Workflow) -> list:
    """The member companies' Mitzeichnung, between the group review and the editors."""
    from signoff.services import signoff_task_ensure

    return [signoff_task_ensure(workflow=workflow)]


@transaction.atomic
def wagtail_default_groups_remove() -> list[str]:
    """Remove Wagtail's default groups and their root workflow; returns warnings (German).

    A default group that has members stays (removing it would take rights from people
    without a word); so does the default workflow while a page is under its review.
    """
    warnings = []
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        members = group.user_set.count()
        if members:
            warnings.append(
                _(
                    "Die Wagtail-Standardgruppe „%(group)s“ hat %(count)s Mitglied(er) und "
                    "bleibt bestehen; bitte die Personen einer Rolle des Verbands zuordnen "
                    "und bootstrap_site erneut ausführen."
                )
                % {"group": group.name, "count": members}
            )
            continue
        group.delete()
    # Wagtail's default workflow (from the root, approved by "Moderators") is left without
    # reviewers once that group is gone: switched off, its history kept.
    workflow = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True).first()
    tasks = [task.specific for task in workflow.tasks] if workflow else []
    if tasks and all(
        isinstance(task, GroupApprovalTask) and not task.groups.exists() for task in tasks
    ):
        if workflow.workflow_states.active().exists():
            warnings.append(
                _(
                    "Der Wagtail-Standard-Workflow „%(workflow)s“ hat keine Prüfenden mehr, "
                    "aber noch laufende Prüfungen; er bleibt bis zu deren Abschluss aktiv."
                )
                % {"workflow": workflow.name}
            )
        else:
            workflow.deactivate()
            for task in tasks:
                task.deactivate()
    for warning in warnings:
        logger.warning(warning)
    return warnings


def _site_address() -> tuple[str, int]:
    # The Site record names where Django serves pages itself (the internal minutes), so
    # Wagtail's full URLs of those pages lead to the admin's host; public pages use
    # FRONTEND_URL (cms.models.HeadlessPage).
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def site_bootstrap(*, site_name: str | None = None) -> dict:
    """Home page, section pages, editors, and the roles of every working group."""
    from wagtail.models import Site

    from cms.models import HomePage
    from workgroups.models import EventIndexPage, WorkingGroupIndexPage

    site_name = site_name or settings.WAGTAIL_SITE_NAME
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Replace Wagtail's placeholder "Welcome" page, but never a page with content below it.
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is Page and placeholder.numchild == 0:
                placeholder.delete()
        slug = "home" if not root.get_children().filter(slug="home").exists() else "start"
        home = HomePage(title=site_name, slug=slug, live=False)
        root.add_child(instance=home)
        page_publish(page=home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port = _site_address()
    site.root_page = home
    site.site_name = site_name
    site.save()

    sections = {}
    for model, title, slug in (
        (WorkingGroupIndexPage, _("Arbeitskreise"), "arbeitskreise"),
        (EventIndexPage, _("Veranstaltungen"), "veranstaltungen"),
    ):
        page = model.objects.child_of(home).first()
        if page is None:
            page = model(title=title, slug=slug, live=False)
            home.add_child(instance=page)
            page_publish(page=page)
        sections[slug] = page

    editors = editors_group_ensure()
    editors_task_ensure(editors=editors)
    # Files editors make public on purpose (workgroups/access/public.py).
    released_collection_ensure()
    accesses = [
        working_group_roles_ensure(working_group=group)
        for group in WorkingGroupPage.objects.all().order_by("path")
    ]
    warnings = wagtail_default_groups_remove()
    return {
        "home": home,
        "sections": sections,
        "editors": editors,
        "working_groups": accesses,
        "warnings": warnings,
    }
