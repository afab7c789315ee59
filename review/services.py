"""Writes for the joint review: co-authors' page rights and the per-group approvals."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page, TaskState

from review.models.approvals import GroupLeadApproval
from review.selectors import (
    page_owner_group,
    review_groups_pending,
    review_groups_pending_for,
)
from workgroups.models import PositionPaperPage, WorkingGroupAccess

# Co-authors edit (and so comment on and submit) the joint paper; they never publish it.
COAUTHOR_PAGE_PERMISSIONS = ("change",)


@transaction.atomic
def paper_coauthors_sync(
    *, paper: PositionPaperPage, latest: PositionPaperPage | None = None
) -> set[int]:
    """Give the member and lead groups of the paper's co-authoring groups edit rights on it.

    Follows the co-author list of the latest revision (a draft's list lives there; pass it
    as ``latest`` when at hand) and removes the rights of groups no longer listed. Returns
    the ids of the groups with rights.
    """
    latest = latest or paper.get_latest_revision_as_object()
    owner = page_owner_group(page=paper)
    coauthor_ids = {group.pk for group in latest.co_working_groups.all()} - {
        getattr(owner, "pk", None)
    }
    # Every group's role groups in one read: co-authors get rights, all others lose theirs.
    roles = WorkingGroupAccess.objects.values_list("working_group_id", "members_id", "chairs_id")
    wanted, all_roles = set(), set()
    for group_id, members_id, chairs_id in roles:
        if owner is not None and group_id == owner.pk:
            continue  # the owner's own rights come from its group page; none on the paper
        all_roles |= {members_id, chairs_id}
        if group_id in coauthor_ids:
            wanted |= {members_id, chairs_id}
    page_ct = ContentType.objects.get_for_model(Page)
    permissions = list(
        Permission.objects.filter(
            content_type=page_ct,
            codename__in=[f"{kind}_page" for kind in COAUTHOR_PAGE_PERMISSIONS],
        )
    )
    GroupPagePermission.objects.filter(Q(page=paper) & Q(group_id__in=all_roles - wanted)).delete()
    held = set(
        GroupPagePermission.objects.filter(page=paper, group_id__in=wanted).values_list(
            "group_id", "permission_id"
        )
    )
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group_id=group_id, page=paper, permission=permission)
            for group_id in wanted
            for permission in permissions
            if (group_id, permission.pk) not in held
        ],
        ignore_conflicts=True,  # granted by a concurrent publish meanwhile
    )
    return wanted


@transaction.atomic
def group_lead_approve(*, task_state: TaskState, user, comment: str = "") -> list:
    """Record the approval of every pending group this person leads; complete the step at the end.

    Returns the groups still waiting for their lead's approval.
    """
    task_state = TaskState.objects.select_for_update().get(pk=task_state.pk)
    groups = review_groups_pending_for(task_state=task_state, user=user)
    if not groups:
        raise PermissionDenied
    for group in groups:
        GroupLeadApproval.objects.get_or_create(
            task_state=task_state,
            working_group=group,
            defaults={"approved_by": user, "comment": comment},
        )
    pending = review_groups_pending(task_state=task_state)
    if pending:
        page = task_state.workflow_state.content_object
        for group in groups:
            log(
                instance=page,
                action="review.group_lead_approve",
                user=user,
                revision=task_state.revision,
                data={
                    "working_group": {"id": group.pk, "title": group.title},
                    "comment": comment,
                },
            )
        return pending
    task_state.specific.approve(user=user, comment=comment)
    return []
