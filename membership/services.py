"""Writes of the membership app: invitations, removing members, calendar tokens."""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.tokens import token_hash, token_new
from membership.models import CalendarToken, Invitation
from membership.selectors import account_for_email, user_in_group, user_leads_group
from workgroups.models import Organisation, WorkingGroupPage
from workgroups.services.people import member_profile_set

INVITATION_VALIDITY = dt.timedelta(days=7)


class InvitationError(Exception):
    """An invitation link that cannot be used (unknown, expired or used); German message."""

    def __init__(self, message: str, *, status: int):
        super().__init__(message)
        self.message = message
        self.status = status


def invitation_url(token: str) -> str:
    path = reverse("membership-invitation-accept", kwargs={"token": token})
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


@transaction.atomic
def invitation_create(
    *,
    working_group: WorkingGroupPage,
    email: str,
    organisation: Organisation,
    invited_by: AbstractBaseUser,
) -> tuple[Invitation, str]:
    """Invite a colleague into the group as a member and e-mail the link; returns the token."""
    if not user_leads_group(user=invited_by, working_group=working_group):
        raise PermissionDenied
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    # A colleague who already has an account (e.g. in another group) is invited all the same:
    # they keep their one account and join through the link after signing in.
    existing = account_for_email(email=email)
    if existing is not None and user_in_group(user=existing, working_group=working_group):
        raise ValidationError(
            {
                "email": _("Diese Person gehört bereits zum %(group)s.")
                % {"group": working_group.title}
            }
        )
    token = token_new()
    now = timezone.now()
    invitation = Invitation.objects.create(
        email=email,
        working_group=working_group,
        organisation=organisation,
        invited_by=invited_by,
        token_hash=token_hash(token),
        created_at=now,
        expires_at=now + INVITATION_VALIDITY,
    )
    inviter = invited_by.get_full_name() or invited_by.get_username()
    # Sent after commit: a rolled-back invitation sends no link that could never work.
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Einladung in den %(group)s") % {"group": working_group.title},
            message=(
                _(
                    "Guten Tag,\n\n%(inviter)s lädt Sie in den %(group)s von %(site)s ein.\n\n"
                    "Sie haben bereits einen Zugang. Öffnen Sie diesen Link und melden Sie sich "
                    "an, um beizutreten:\n%(url)s\n\n"
                    "Der Link gilt sieben Tage und nur einmal.\n"
                )
                if existing is not None
                else _(
                    "Guten Tag,\n\n%(inviter)s lädt Sie in den %(group)s von %(site)s ein.\n\n"
                    "Über diesen Link legen Sie Ihren Namen und Ihr Passwort fest:\n%(url)s\n\n"
                    "Der Link gilt sieben Tage und nur einmal.\n"
                )
            )
            % {
                "inviter": inviter,
                "group": working_group.title,
                "site": settings.WAGTAIL_SITE_NAME,
                "url": invitation_url(token),
            },
            from_email=None,
            recipient_list=[email],
        )
    )
    return invitation, token


def _invitation_usable(token: str, *, lock: bool = False) -> Invitation:
    invitations = Invitation.objects.select_related("working_group__access", "organisation")
    if lock:
        invitations = invitations.select_for_update(of=("self",))
    invitation = invitations.filter(token_hash=token_hash(token)).first()
    if invitation is None:
        raise InvitationError(_("Dieser Einladungslink ist ungültig."), status=404)
    if invitation.accepted_at is not None:
        raise InvitationError(
            _(
                "Diese Einladung wurde bereits angenommen und gilt nur einmal. "
                "Bitte melden Sie sich mit Ihrem Zugang an."
            ),
            status=410,
        )
    if invitation.expires_at <= timezone.now():
        raise InvitationError(
            _(
                "Diese Einladung ist abgelaufen (sie galt sieben Tage). Bitte bitten Sie "
                "die Leitung des Arbeitskreises um eine neue Einladung."
            ),
            status=410,
        )
    return invitation


def invitation_check(*, token: str) -> Invitation:
    """The open invitation of this token, or ``InvitationError``."""
    return _invitation_usable(token)


@transaction.atomic
def invitation_accept(
    *, token: str, first_name: str, last_name: str, password: str
) -> AbstractBaseUser:
    """Create the invitee's account in the group (member role, member company); single use."""
    invitation = _invitation_usable(token, lock=True)
    User = get_user_model()
    user = User(
        username=invitation.email,
        email=invitation.email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    validate_password(password, user=user)
    if account_for_email(email=invitation.email) is not None:
        raise ValidationError(_("Für diese E-Mail-Adresse gibt es bereits einen Zugang."))
    user.set_password(password)
    user.save()
    user.groups.add(invitation.working_group.access.members)
    member_profile_set(user=user, organisation=invitation.organisation)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


@transaction.atomic
def invitation_join(*, token: str, user: AbstractBaseUser) -> Invitation:
    """An existing account, signed in, joins the group of its invitation; single use.

    The person keeps their member company if they have one (one company per person).
    """
    invitation = _invitation_usable(token, lock=True)
    account = account_for_email(email=invitation.email)
    if account is None or account.pk != user.pk:
        raise PermissionDenied
    user.groups.add(invitation.working_group.access.members)
    profile = getattr(user, "member_profile", None)
    if profile is None or profile.organisation_id is None:
        member_profile_set(
            user=user,
            organisation=invitation.organisation,
            job_title=profile.job_title if profile is not None else "",
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return invitation


@transaction.atomic
def member_remove(
    *, working_group: WorkingGroupPage, user: AbstractBaseUser, removed_by: AbstractBaseUser
) -> None:
    """Take a person out of the group (member and lead role); only its leads and editors may."""
    if not user_leads_group(user=removed_by, working_group=working_group):
        raise PermissionDenied
    access = working_group.access
    user.groups.remove(access.members, access.chairs)


def calendar_token_issue(*, user: AbstractBaseUser) -> CalendarToken:
    """A new private calendar address for the person; an older one stops working."""
    token, _created = CalendarToken.objects.update_or_create(
        user=user, defaults={"token": token_new(), "created_at": timezone.now()}
    )
    return token


def calendar_token_revoke(*, user: AbstractBaseUser) -> None:
    """The person's private calendar address stops working."""
    CalendarToken.objects.filter(user=user).delete()
