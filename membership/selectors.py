"""Reads of the membership app: a person's groups, meetings, minutes and colleagues."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from membership.models import CalendarToken, Invitation
from workgroups.access.policy import user_is_editor
from workgroups.models import EventPage, MinutesPage, WorkingGroupAccess, WorkingGroupPage
from workgroups.selectors import PublicScope, events_public, public_scope


def working_groups_of(*, user: AbstractBaseUser) -> QuerySet[WorkingGroupPage]:
    """The working groups a person belongs to (as member or lead); editors: all of them."""
    groups = WorkingGroupPage.objects.filter(access__isnull=False)
    if not user_is_editor(user):
        groups = groups.filter(
            Q(access__members__user=user) | Q(access__chairs__user=user)
        ).distinct()
    return groups.order_by("title", "pk")


def user_leads_group(*, user: AbstractBaseUser, working_group: WorkingGroupPage) -> bool:
    """Leads of the group and editors may invite and remove its members."""
    if user_is_editor(user):
        return True
    return bool(
        user.is_authenticated
        and user.is_active
        and WorkingGroupAccess.objects.filter(
            working_group=working_group, chairs__user=user
        ).exists()
    )


def user_in_group(*, user: AbstractBaseUser, working_group: WorkingGroupPage) -> bool:
    return working_groups_of(user=user).filter(pk=working_group.pk).exists()


def _live_now() -> Q:
    now = timezone.now()
    return Q(live=True) & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))


def meetings_of_member(
    *, user: AbstractBaseUser, scope: PublicScope | None = None
) -> QuerySet[EventPage]:
    """Published meetings of the person's groups (internal ones too), earliest first.

    Only the live row is read: a pending draft of a meeting never reaches a calendar.
    """
    scope = scope or public_scope()
    groups = list(working_groups_of(user=user).values_list("pk", "path"))
    if not groups:
        return EventPage.objects.none()
    inside = Q()
    for _pk, path in groups:
        inside |= Q(path__startswith=path)
    public_of_groups = Q(pk__in=events_public(scope=scope).values("pk")) & Q(
        working_group_id__in=[pk for pk, _path in groups]
    )
    return (
        EventPage.objects.filter(_live_now() & (inside | public_of_groups))
        .select_related("working_group")
        .order_by("starts_at", "pk")
    )


def calendar_user_get(*, token: str) -> AbstractBaseUser | None:
    """The active person whose private calendar address carries this token, or None."""
    found = (
        CalendarToken.objects.filter(token=token, user__is_active=True)
        .select_related("user")
        .first()
    )
    return found.user if found else None


def calendar_token_get(*, user: AbstractBaseUser) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user).first()


def minutes_of_group(*, working_group: WorkingGroupPage) -> QuerySet[MinutesPage]:
    """The group's published minutes, newest first, with their meeting."""
    return (
        MinutesPage.objects.descendant_of(working_group)
        .filter(_live_now())
        .select_related("meeting")
        .order_by("-meeting_date", "-pk")
    )


def minutes_get_for_user(*, user: AbstractBaseUser, pk: int) -> MinutesPage | None:
    """Published minutes of one of the person's groups, or None (also for other groups')."""
    for group in working_groups_of(user=user):
        minutes = minutes_of_group(working_group=group).filter(pk=pk).first()
        if minutes is not None:
            minutes.working_group = group
            return minutes
    return None


def group_members(*, working_group: WorkingGroupPage) -> QuerySet:
    """The group's people (members and leads), by name, with their member company."""
    access = working_group.access
    return (
        get_user_model()
        .objects.filter(Q(groups=access.members) | Q(groups=access.chairs), is_active=True)
        .distinct()
        .select_related("member_profile__organisation")
        .prefetch_related("groups")
        .order_by("last_name", "first_name", "username")
    )


def invitations_pending(*, working_group: WorkingGroupPage) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        working_group=working_group, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("organisation", "invited_by")


def account_for_email(*, email: str) -> AbstractBaseUser | None:
    """The existing account of an invited address (its e-mail or its user name), if any."""
    return (
        get_user_model()
        .objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        .order_by("pk")
        .first()
    )
