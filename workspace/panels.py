"""Dashboard panels (Wagtail home components): one per working group, one for editors."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from workspace.selectors import (
    ROLE_EDITOR,
    ROLE_LEAD,
    GroupMembership,
    consultations_unclaimed,
    group_workspace,
)

PANEL_ORDER = 50


def group_panel_id(*, group_pk: int) -> str:
    return f"workspace-group-{group_pk}"


def group_panel_anchor(*, group_pk: int) -> str:
    """The HTML id of a group's panel (Wagtail's panel adds "-section"): ``/admin/#<id>``."""
    return f"{group_panel_id(group_pk=group_pk)}-section"


class GroupWorkspacePanel(Component):
    """The workspace of one working group on the person's dashboard."""

    template_name = "workspace/group_panel.html"

    def __init__(self, *, membership: GroupMembership, index: int = 0):
        self.membership = membership
        self.order = PANEL_ORDER + index
        self.name = group_panel_id(group_pk=membership.group.pk)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        workspace = group_workspace(
            membership=self.membership, user=request.user, today=timezone.localdate()
        )
        return {
            "request": request,
            "workspace": workspace,
            "group": self.membership.group,
            "is_lead": self.membership.role == ROLE_LEAD,
            "is_editor": self.membership.role == ROLE_EDITOR,
            "panel_id": self.name,
        }


class UnclaimedConsultationsPanel(Component):
    """For editors: open consultations that no working group is writing a paper for."""

    template_name = "workspace/unclaimed_panel.html"
    name = "workspace-unclaimed-consultations"
    order = PANEL_ORDER - 1

    def get_context_data(self, parent_context):
        return {"projects": consultations_unclaimed(today=timezone.localdate())}
