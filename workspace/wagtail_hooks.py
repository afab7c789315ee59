"""Admin wiring of the workspace: dashboard panels, the due-date form and its button."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from workgroups.access.policy import user_is_editor
from workgroups.models import PositionPaperPage
from workspace import views
from workspace.panels import GroupWorkspacePanel, UnclaimedConsultationsPanel
from workspace.selectors import workspace_memberships


@hooks.register("construct_homepage_panels")
def workspace_panels(request, panels):
    # One panel per working group of the person: the memberships decide what is shown,
    # so a member of one group never gets a panel (or a row) of another.
    if user_is_editor(request.user):
        panels.append(UnclaimedConsultationsPanel())
    for index, membership in enumerate(workspace_memberships(user=request.user)):
        panels.append(GroupWorkspacePanel(membership=membership, index=index))


@hooks.register("insert_global_admin_css")
def workspace_dashboard_css():
    return format_html('<link rel="stylesheet" href="{}">', static("workspace/dashboard.css"))


@hooks.register("register_admin_urls")
def workspace_urls():
    return [
        path(
            "arbeitsbereich/papiere/<int:page_id>/frist/",
            views.paper_deadline_edit,
            name="workspace_paper_deadline",
        )
    ]


@hooks.register("register_page_header_buttons")
def paper_deadline_button(page, user, view_name, next_url=None):
    if (
        isinstance(page.specific_deferred, PositionPaperPage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Interne Frist"),
            url=reverse("workspace_paper_deadline", args=[page.pk]),
            icon_name="date",
            priority=40,
        )
