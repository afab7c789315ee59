"""Reads of the workspace: a person's groups, their drafts, reviews, meetings, minutes, people."""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, Revision, TaskState, WorkflowState

from workgroups.access.policy import AdminScope, admin_scope, user_is_editor
from workgroups.models import (
    EventPage,
    MinutesPage,
    PaperTag,
    PositionPaperPage,
    RegulatoryProject,
    WorkingGroupAccess,
    WorkingGroupPage,
)
from workgroups.selectors import public_scope
from workspace.models import PaperDeadline

ROLE_EDITOR = "editor"
ROLE_LEAD = "lead"
ROLE_MEMBER = "member"
MEETINGS_LIMIT = 5
MINUTES_LIMIT = 3


@dataclass(frozen=True)
class GroupMembership:
    """One working group of a person's workspace and the person's role in it."""

    group: WorkingGroupPage
    access: WorkingGroupAccess
    role: str


@dataclass(frozen=True)
class DueDate:
    """A draft's due date: the earliest open consultation deadline, or an earlier internal date."""

    date: dt.date
    today: dt.date
    internal: bool
    project: RegulatoryProject | None = None

    @property
    def days_left(self) -> int:
        return (self.date - self.today).days

    @property
    def countdown(self) -> str:
        return countdown_label(self.days_left)


@dataclass
class DraftRow:
    """A draft in progress as the dashboard lists it."""

    page: PositionPaperPage
    title: str
    author: str
    changed_at: dt.datetime | None
    step: str
    due: DueDate | None = None
    co_authored: bool = False


@dataclass
class Person:
    """A member of a working group with their company and role."""

    name: str
    company: str
    role: str


@dataclass
class GroupWorkspace:
    """Everything the dashboard shows for one working group."""

    membership: GroupMembership
    drafts: list[DraftRow] = field(default_factory=list)
    reviews: list[TaskState] = field(default_factory=list)
    meetings: list[EventPage] = field(default_factory=list)
    minutes: list[MinutesPage] = field(default_factory=list)
    consultations: list[RegulatoryProject] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)


def countdown_label(days_left: int) -> str:
    """A plain German countdown: „noch 5 Tage“, „heute fällig“, „seit 2 Tagen überfällig“."""
    if days_left == 0:
        return _("heute fällig")
    if days_left > 0:
        return ngettext("noch %(n)d Tag", "noch %(n)d Tage", days_left) % {"n": days_left}
    overdue = -days_left
    return ngettext("seit %(n)d Tag überfällig", "seit %(n)d Tagen überfällig", overdue) % {
        "n": overdue
    }


def person_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


# Memberships


def workspace_memberships(*, user) -> list[GroupMembership]:
    """The working groups whose workspace the person sees: their own, or every one for editors."""
    if not (user.is_authenticated and user.is_active):
        return []
    accesses = WorkingGroupAccess.objects.select_related("working_group").order_by(
        "working_group__title", "working_group__pk"
    )
    if user_is_editor(user):
        return [GroupMembership(a.working_group, a, ROLE_EDITOR) for a in accesses]
    group_ids = set(user.groups.values_list("pk", flat=True))
    return [
        GroupMembership(a.working_group, a, ROLE_LEAD if a.chairs_id in group_ids else ROLE_MEMBER)
        for a in accesses.filter(Q(members_id__in=group_ids) | Q(chairs_id__in=group_ids))
    ]


# Drafts and due dates


def drafts_in_progress() -> QuerySet[PositionPaperPage]:
    """Papers with a version not yet published: never published, or changed since."""
    return PositionPaperPage.objects.filter(Q(live=False) | Q(has_unpublished_changes=True))


def _draft_relation_ids(page: PositionPaperPage, name: str) -> list[int]:
    # A never-published page keeps its draft in its own row (the admin saves it there); a
    # live page's draft exists only as its latest revision.
    if page.live and page.has_unpublished_changes and page.latest_revision_id:
        revision = Revision.objects.filter(pk=page.latest_revision_id).only("content").first()
        if revision is not None:
            return [int(pk) for pk in revision.content.get(name) or []]
    return list(getattr(page, name).values_list("pk", flat=True))


def paper_draft_project_ids(*, page: PositionPaperPage) -> list[int]:
    """The regulatory projects the paper's current draft names."""
    return _draft_relation_ids(page, "regulatory_projects")


def paper_draft_co_group_ids(*, page: PositionPaperPage) -> list[int]:
    """The co-authoring working groups the paper's current draft names."""
    return _draft_relation_ids(page, "co_working_groups")


def _consultation_due(
    projects: list[RegulatoryProject], today: dt.date
) -> RegulatoryProject | None:
    # The earliest deadline still ahead; once all have passed, the latest one (overdue).
    dated = [p for p in projects if p.consultation_deadline is not None]
    ahead = [p for p in dated if p.consultation_deadline >= today]
    if ahead:
        return min(ahead, key=lambda p: (p.consultation_deadline, p.pk))
    return max(dated, key=lambda p: (p.consultation_deadline, p.pk), default=None)


def paper_due_dates(
    *, pages: list[PositionPaperPage], today: dt.date | None = None
) -> dict[int, DueDate]:
    """The due date of each paper's draft (papers without one are left out).

    The due date is the earliest consultation deadline still ahead among the regulatory
    projects the draft names (once all have passed: the latest, shown as overdue); an
    internal date (``PaperDeadline``) wins when it is earlier or the draft names no deadline.
    """
    today = today or timezone.localdate()
    project_ids = {page.pk: paper_draft_project_ids(page=page) for page in pages}
    projects = RegulatoryProject.objects.in_bulk({pk for ids in project_ids.values() for pk in ids})
    internal = dict(
        PaperDeadline.objects.filter(page__in=[p.pk for p in pages]).values_list(
            "page_id", "internal_due_date"
        )
    )
    due_dates: dict[int, DueDate] = {}
    for page in pages:
        project = _consultation_due(
            [projects[pk] for pk in project_ids[page.pk] if pk in projects], today
        )
        own = internal.get(page.pk)
        if own is not None and (project is None or own < project.consultation_deadline):
            due_dates[page.pk] = DueDate(date=own, today=today, internal=True, project=project)
        elif project is not None:
            due_dates[page.pk] = DueDate(
                date=project.consultation_deadline, today=today, internal=False, project=project
            )
    return due_dates


def paper_consultation_due(
    *, page: PositionPaperPage, today: dt.date | None = None
) -> RegulatoryProject | None:
    """The regulatory project whose deadline the draft answers, without the internal date."""
    today = today or timezone.localdate()
    projects = list(RegulatoryProject.objects.filter(pk__in=paper_draft_project_ids(page=page)))
    return _consultation_due(projects, today)


def _workflow_steps(pages: list[PositionPaperPage]) -> dict[int, str]:
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page.pk) for page in pages],
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).select_related("current_task_state__task")
    steps = {}
    for state in states:
        task = state.current_task_state.task if state.current_task_state else None
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            # Back with the authors: the step's name alone would read as if it still waited.
            steps[int(state.object_id)] = _("Änderungen angefordert (%(step)s)") % {
                "step": task.name if task else _("Prüfung")
            }
        else:
            steps[int(state.object_id)] = task.name if task else _("In Prüfung")
    return steps


def group_drafts(
    *, group: WorkingGroupPage, scope: AdminScope, today: dt.date | None = None
) -> list[DraftRow]:
    """The group's drafts in progress (its own and those it co-authors), last changed first.

    Co-authored papers live under another group: they are listed only where the admin
    policy lets the person see them, so the dashboard opens no side door.
    """
    co_authored = PositionPaperPage.co_working_groups.through.objects.filter(
        positionpaperpage=OuterRef("pk"), workinggrouppage=group
    )
    pages = list(
        drafts_in_progress()
        .filter(Q(path__startswith=group.path) | Exists(co_authored))
        .filter(scope.workspace_q())
        .select_related("owner", "latest_revision__user")
        .order_by("-latest_revision_created_at", "-pk")
    )
    due_dates = paper_due_dates(pages=pages, today=today)
    steps = _workflow_steps(pages)
    rows = []
    for page in pages:
        revision = page.latest_revision
        rows.append(
            DraftRow(
                page=page,
                title=page.draft_title or page.title,
                author=person_name(page.owner),
                changed_at=revision.created_at if revision else page.latest_revision_created_at,
                step=steps.get(page.pk) or _("Entwurf"),
                due=due_dates.get(page.pk),
                co_authored=not page.path.startswith(group.path),
            )
        )
    return rows


# Reviews, meetings, minutes


def group_reviews(*, group: WorkingGroupPage, user, scope: AdminScope) -> list[TaskState]:
    """Workflow steps of the group's papers that wait for this person's decision."""
    co_authored = PositionPaperPage.co_working_groups.through.objects.filter(
        positionpaperpage=OuterRef("pk"), workinggrouppage=group
    )
    page_ids = (
        PositionPaperPage.objects.filter(Q(path__startswith=group.path) | Exists(co_authored))
        .filter(scope.workspace_q())
        .values_list("pk", flat=True)
    )
    states = (
        TaskState.objects.reviewable_by(user)
        .filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=[str(pk) for pk in page_ids],
        )
        .select_related("task", "revision__user", "workflow_state")
        .order_by("started_at", "pk")
    )
    pages = Page.objects.in_bulk([int(s.workflow_state.object_id) for s in states])
    for state in states:
        state.page = pages.get(int(state.workflow_state.object_id))
    return [state for state in states if state.page is not None]


def group_meetings(
    *, group: WorkingGroupPage, now: dt.datetime | None = None, limit: int = MEETINGS_LIMIT
) -> list[EventPage]:
    """The group's next published meetings, soonest first (running ones included)."""
    now = now or timezone.now()
    return list(
        EventPage.objects.live()
        .filter(working_group=group)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))
        .order_by("starts_at", "pk")[:limit]
    )


def group_minutes(*, group: WorkingGroupPage, limit: int = MINUTES_LIMIT) -> list[MinutesPage]:
    """The group's latest minutes (drafts included: they are the group's own), newest first."""
    return list(
        MinutesPage.objects.filter(path__startswith=group.path).order_by("-meeting_date", "-pk")[
            :limit
        ]
    )


# Consultations


def group_consultations(
    *, group: WorkingGroupPage, scope: AdminScope, today: dt.date | None = None
) -> list[RegulatoryProject]:
    """Open consultations of the group's topics, nearest deadline first.

    A consultation concerns the group when one of its own papers (drafts included, where
    the person may see them) names the regulatory project, or when a public paper that
    carries one of the group's topics (tags) names it. Only public papers count for the
    topics, so another group's draft never surfaces here.
    """
    today = today or timezone.localdate()
    co_authored = PositionPaperPage.co_working_groups.through.objects.filter(
        positionpaperpage=OuterRef("pk"), workinggrouppage=group
    )
    own_papers = list(
        PositionPaperPage.objects.filter(Q(path__startswith=group.path) | Exists(co_authored))
        .filter(scope.workspace_q())
        .only("pk", "live", "has_unpublished_changes", "latest_revision_id")
    )
    project_ids = {pk for page in own_papers for pk in paper_draft_project_ids(page=page)}
    topic_ids = list(group.tagged_topics.values_list("tag_id", flat=True))
    if topic_ids:
        public = public_scope()
        tagged = PaperTag.objects.filter(content_object=OuterRef("pk"), tag_id__in=topic_ids)
        topical = PositionPaperPage.objects.filter(public.q()).filter(Exists(tagged))
        project_ids |= set(
            RegulatoryProject.objects.filter(papers__in=topical).values_list("pk", flat=True)
        )
    return list(
        RegulatoryProject.objects.filter(
            pk__in=project_ids, consultation_deadline__gte=today
        ).order_by("consultation_deadline", "title", "pk")
    )


def consultations_open(*, today: dt.date | None = None) -> QuerySet[RegulatoryProject]:
    """Consultations whose deadline is today or later, nearest first.

    Regulatory projects are directory entries the association office keeps public (the
    API lists all of them); there is no unpublished project.
    """
    today = today or timezone.localdate()
    return RegulatoryProject.objects.filter(consultation_deadline__gte=today).order_by(
        "consultation_deadline", "title", "pk"
    )


def consultations_unclaimed(*, today: dt.date | None = None) -> list[RegulatoryProject]:
    """Open consultations no paper (draft or published, of any group) names yet."""
    claimed = set(
        PositionPaperPage.regulatory_projects.through.objects.values_list(
            "regulatoryproject_id", flat=True
        )
    )
    for page in PositionPaperPage.objects.filter(live=True, has_unpublished_changes=True).only(
        "pk", "live", "has_unpublished_changes", "latest_revision_id"
    ):
        claimed |= set(paper_draft_project_ids(page=page))
    return list(consultations_open(today=today).exclude(pk__in=claimed))


# People


def group_people(*, access: WorkingGroupAccess) -> list[Person]:
    """Active members and leads of the group with their member company, leads first."""
    user_model = get_user_model()
    leads = user_model.groups.through.objects.filter(
        user_id=OuterRef("pk"), group_id=access.chairs_id
    )
    users = (
        user_model.objects.filter(is_active=True, groups__in=[access.members_id, access.chairs_id])
        .distinct()
        .annotate(is_lead=Exists(leads))
        .select_related("member_profile__organisation")
        .order_by("-is_lead", "last_name", "first_name", "username")
    )
    people = []
    for user in users:
        profile = getattr(user, "member_profile", None)
        organisation = profile.organisation if profile else None
        people.append(
            Person(
                name=person_name(user),
                company=organisation.name if organisation else "",
                role=ROLE_LEAD if user.is_lead else ROLE_MEMBER,
            )
        )
    return people


def group_workspace(
    *, membership: GroupMembership, user, today: dt.date | None = None
) -> GroupWorkspace:
    """All reads of one group's dashboard panel."""
    scope = admin_scope(user)
    group = membership.group
    return GroupWorkspace(
        membership=membership,
        drafts=group_drafts(group=group, scope=scope, today=today),
        reviews=group_reviews(group=group, user=user, scope=scope),
        meetings=group_meetings(group=group),
        minutes=group_minutes(group=group),
        consultations=group_consultations(group=group, scope=scope, today=today),
        people=group_people(access=membership.access),
    )
