"""Writes of the workspace: internal due dates and the deadline reminder e-mails."""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Revision

from workgroups.models import PositionPaperPage, WorkingGroupAccess, WorkingGroupPage
from workspace.models import DeadlineReminder, PaperDeadline
from workspace.selectors import (
    DueDate,
    drafts_in_progress,
    paper_consultation_due,
    paper_draft_co_group_ids,
    paper_due_dates,
)

# Reminders go out this many days before the due date; 0 is the day itself.
REMINDER_DAYS = (14, 7, 2, 0)

logger = logging.getLogger(__name__)


def paper_deadline_set(
    *,
    page: PositionPaperPage,
    internal_due_date: dt.date | None,
    user=None,
    today: dt.date | None = None,
) -> PaperDeadline | None:
    """Set (or, with None, remove) a draft's internal due date.

    It must lie before the consultation deadline the draft answers: a later internal date
    would never be the due date and only mislead.
    """
    if internal_due_date is None:
        PaperDeadline.objects.filter(page=page).delete()
        return None
    project = paper_consultation_due(page=page, today=today)
    if project is not None and internal_due_date > project.consultation_deadline:
        raise ValidationError(
            {
                "internal_due_date": _(
                    "Die interne Frist muss vor der Frist der Anhörung liegen "
                    "(%(project)s: %(date)s)."
                )
                % {"project": project, "date": f"{project.consultation_deadline:%d.%m.%Y}"}
            }
        )
    deadline, _created = PaperDeadline.objects.update_or_create(
        page=page, defaults={"internal_due_date": internal_due_date, "changed_by": user}
    )
    return deadline


def reminder_stage(days_left: int) -> int | None:
    """The reminder due at ``days_left`` days: the nearest stage not yet passed.

    When the scheduler missed a day (downtime), the reminder of the stage just passed is
    sent late instead of not at all; an earlier missed stage is not sent any more.
    """
    if days_left < 0:
        return None
    stages = [days for days in REMINDER_DAYS if days >= days_left]
    return min(stages) if stages else None


def paper_reminder_recipients(*, page: PositionPaperPage) -> list:
    """The leads of the authoring groups and the draft's authors, active and with an e-mail."""
    group_ids = [*paper_draft_co_group_ids(page=page)]
    parent = page.get_parent()
    if parent is not None:
        group_ids.append(parent.pk)
    lead_group_ids = WorkingGroupAccess.objects.filter(
        working_group__in=WorkingGroupPage.objects.filter(pk__in=group_ids)
    ).values_list("chairs_id", flat=True)
    author_ids = set(
        Revision.page_revisions.filter(object_id=str(page.pk))
        .exclude(user=None)
        .values_list("user_id", flat=True)
    )
    if page.owner_id:
        author_ids.add(page.owner_id)
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(groups__in=list(lead_group_ids))
        .union(get_user_model().objects.filter(is_active=True, pk__in=author_ids).exclude(email=""))
    )
    return sorted(users, key=lambda user: user.pk)


@dataclass(frozen=True)
class ReminderDue:
    """One paper whose reminder of one stage is due today."""

    page: PositionPaperPage
    due: DueDate
    days_before: int


def reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """The drafts whose due date is 14, 7, 2 or 0 days ahead (or a missed stage)."""
    pages = list(drafts_in_progress().order_by("pk"))
    due_dates = paper_due_dates(pages=pages, today=today)
    due = []
    for page in pages:
        if page.pk not in due_dates:
            continue
        stage = reminder_stage(due_dates[page.pk].days_left)
        if stage is not None:
            due.append(ReminderDue(page=page, due=due_dates[page.pk], days_before=stage))
    return due


def _reminder_send(*, reminder: ReminderDue, user) -> None:
    page, due = reminder.page, reminder.due
    title = page.draft_title or page.title
    if due.days_left == 0:
        subject = _("Frist heute: %(title)s") % {"title": title}
    else:
        subject = _("Frist %(countdown)s: %(title)s") % {"countdown": due.countdown, "title": title}
    body = render_to_string(
        "workspace/reminder_email.txt",
        {
            "user": user,
            "title": title,
            "due": due,
            "edit_url": settings.WAGTAILADMIN_BASE_URL
            + reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def deadline_reminders_send(*, today: dt.date | None = None) -> int:
    """Send every reminder due today that was not sent before; returns how many were sent.

    Each (paper, due date, stage, recipient) is written to the sent-log in the same
    transaction as its e-mail goes out: a unique constraint makes a second run — after a
    restart or in parallel — skip it, and a failed send leaves no log row, so the next run
    tries again. A changed due date starts its own reminders.
    """
    today = today or timezone.localdate()
    sent = 0
    for reminder in reminders_due(today=today):
        for user in paper_reminder_recipients(page=reminder.page):
            try:
                with transaction.atomic():
                    _log, created = DeadlineReminder.objects.get_or_create(
                        page=reminder.page,
                        due_date=reminder.due.date,
                        days_before=reminder.days_before,
                        recipient=user,
                    )
                    if not created:
                        continue
                    _reminder_send(reminder=reminder, user=user)
            except IntegrityError:
                # Another run logged it between our lookup and insert: it sends the mail.
                continue
            except OSError as exc:
                logger.warning("Fristerinnerung an %s nicht gesendet: %s", user.email, exc)
                continue
            sent += 1
    return sent
