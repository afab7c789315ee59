"""Writes of share links: create (returns the token once), revoke, record an access."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.tokens import token_hash, token_new
from sharing.models import ShareLink, ShareLinkAccess
from sharing.selectors import share_link_can_manage
from workgroups.models import PositionPaperPage

MAX_VALID_DAYS = 30


def _day_end(day: dt.date) -> dt.datetime:
    # Valid through the whole named day in the site's time zone, i.e. until the next midnight.
    midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min)
    return timezone.make_aware(midnight, timezone.get_current_timezone())


def share_link_validity_end(*, paper: PositionPaperPage, valid_until: dt.date) -> dt.datetime:
    """When a link valid through ``valid_until`` stops working; a German error if not allowed.

    At most MAX_VALID_DAYS ahead; a paper scheduled to go live can be shared until it does
    (after that it is public), so the link ends at the go-live time at the latest.
    """
    today = timezone.localdate()
    if valid_until < today:
        raise ValidationError(
            {"valid_until": _("Das Datum liegt in der Vergangenheit.")}, code="past"
        )
    if valid_until > today + dt.timedelta(days=MAX_VALID_DAYS):
        raise ValidationError(
            {
                "valid_until": _("Ein Link gilt höchstens %(days)s Tage, also bis %(date)s.")
                % {
                    "days": MAX_VALID_DAYS,
                    "date": date_format(today + dt.timedelta(days=MAX_VALID_DAYS)),
                }
            },
            code="too-long",
        )
    end = _day_end(valid_until)
    scheduled = paper.scheduled_revision
    go_live = scheduled.approved_go_live_at if scheduled else None
    if go_live is not None:
        if valid_until > timezone.localdate(go_live):
            raise ValidationError(
                {
                    "valid_until": _(
                        "Das Papier wird am %(date)s veröffentlicht; der Link kann höchstens "
                        "bis dahin gelten."
                    )
                    % {"date": date_format(timezone.localtime(go_live), "DATETIME_FORMAT")}
                },
                code="after-go-live",
            )
        end = min(end, go_live)
    return end


@transaction.atomic
def share_link_create(
    *,
    paper: PositionPaperPage,
    user,
    recipient_name: str,
    recipient_organisation: str,
    recipient_email: str,
    valid_until: dt.date,
) -> tuple[ShareLink, str]:
    """Create a link for one named outsider; returns the link and its token (shown once)."""
    if not share_link_can_manage(user=user, paper=paper):
        raise PermissionDenied(_("Nur die Redaktion und die Leitung des Arbeitskreises."))
    errors: dict[str, list[str]] = {}
    fields = {
        "recipient_name": recipient_name.strip(),
        "recipient_organisation": recipient_organisation.strip(),
        "recipient_email": recipient_email.strip(),
    }
    for name, value in fields.items():
        if not value:
            errors[name] = [_("Dieses Feld ist erforderlich.")]
    if fields["recipient_email"]:
        try:
            validate_email(fields["recipient_email"])
        except ValidationError:
            errors["recipient_email"] = [_("Bitte eine gültige E-Mail-Adresse angeben.")]
    try:
        expires_at = share_link_validity_end(paper=paper, valid_until=valid_until)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    token = token_new()
    link = ShareLink(
        paper=paper,
        token_hash=token_hash(token),
        expires_at=expires_at,
        created_by=user,
        **fields,
    )
    link.full_clean()
    link.save()
    return link, token


def share_link_revoke(*, link: ShareLink, user) -> ShareLink:
    """Withdraw a link at once; revoking twice keeps the first time."""
    if not share_link_can_manage(user=user, paper=link.paper):
        raise PermissionDenied(_("Nur die Redaktion und die Leitung des Arbeitskreises."))
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = user
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link


def share_link_access_record(*, link: ShareLink) -> ShareLinkAccess:
    """Log that the link was opened: the time only, nothing about the visitor."""
    return ShareLinkAccess.objects.create(link=link)
