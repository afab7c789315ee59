"""Reads for the joint review: a page's authoring working groups and who leads them."""

from django.db.models import Q, QuerySet
from wagtail.models import Page, TaskState

from workgroups.models import PositionPaperPage, WorkingGroupAccess, WorkingGroupPage


def page_owner_group(*, page: Page) -> WorkingGroupPage | None:
    """The working group a page belongs to: the page itself or its nearest working group above."""
    return (
        WorkingGroupPage.objects.ancestor_of(page, inclusive=True).order_by("-depth").first()
        if page.path
        else None
    )


def page_authoring_groups(*, page: Page) -> list[WorkingGroupPage]:
    """The owning working group first, then the paper's co-authoring groups (of this object).

    Pass a revision's object to get the groups of that revision (a draft's co-author list
    lives in its revision until it is published).
    """
    owner = page_owner_group(page=page)
    groups = [owner] if owner is not None else []
    specific = page.specific if type(page) is Page else page
    if isinstance(specific, PositionPaperPage):
        for group in specific.co_working_groups.all():
            if all(group.pk != other.pk for other in groups):
                groups.append(group)
    return groups


def task_state_authoring_groups(*, task_state: TaskState) -> list[WorkingGroupPage]:
    """The authoring groups of the revision under review in this step."""
    return page_authoring_groups(page=task_state.revision.as_object())


def _led_group_ids(user) -> set[int]:
    if not (user.is_authenticated and user.is_active):
        return set()
    return set(
        WorkingGroupAccess.objects.filter(chairs__user=user).values_list(
            "working_group_id", flat=True
        )
    )


def review_groups_led_by(*, page: Page, user) -> list[WorkingGroupPage]:
    """The authoring groups of the page's latest revision that this person leads."""
    led = _led_group_ids(user)
    if not led:
        return []
    latest = page.specific.get_latest_revision_as_object()
    return [group for group in page_authoring_groups(page=latest) if group.pk in led]


def review_approved_group_ids(*, task_state: TaskState) -> set[int]:
    return set(task_state.group_lead_approvals.values_list("working_group_id", flat=True))


def review_groups_pending(*, task_state: TaskState) -> list[WorkingGroupPage]:
    """Authoring groups whose lead has not yet approved in this step."""
    approved = review_approved_group_ids(task_state=task_state)
    return [g for g in task_state_authoring_groups(task_state=task_state) if g.pk not in approved]


def review_groups_pending_for(*, task_state: TaskState, user) -> list[WorkingGroupPage]:
    """The pending groups this person may approve for: those they lead (all for a superuser)."""
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        return []
    pending = review_groups_pending(task_state=task_state)
    if user.is_active and user.is_superuser:
        return pending
    led = _led_group_ids(user)
    return [group for group in pending if group.pk in led]


def review_task_states_for_lead(*, task, user) -> QuerySet[TaskState]:
    """Steps of this task in progress on pages of groups the person leads (or co-authors)."""
    states = TaskState.objects.filter(task=task, status=TaskState.STATUS_IN_PROGRESS)
    if user.is_active and user.is_superuser:
        return states
    led = WorkingGroupPage.objects.filter(pk__in=_led_group_ids(user))
    if not led:
        return TaskState.objects.none()
    pages = Q(pk__in=PositionPaperPage.objects.filter(co_working_groups__in=led).values("pk"))
    for group in led:
        pages |= Q(path__startswith=group.path)
    page_ids = [str(pk) for pk in Page.objects.filter(pages).values_list("pk", flat=True)]
    return states.filter(workflow_state__object_id__in=page_ids)


def page_changes_requested(*, page: Page) -> TaskState | None:
    """The review step that asked for changes, while the page's review waits for them."""
    state = page.current_workflow_state
    if state is None or state.status != state.STATUS_NEEDS_CHANGES:
        return None
    return state.current_task_state
