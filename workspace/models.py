"""A draft's internal due date and the log of deadline reminders already sent."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PaperDeadline(models.Model):
    """An internal due date for a paper, earlier than the consultation deadline it answers."""

    page = models.OneToOneField(
        "workgroups.PositionPaperPage",
        verbose_name=_("Positionspapier"),
        on_delete=models.CASCADE,
        related_name="internal_deadline",
    )
    internal_due_date = models.DateField(_("Interne Frist"))
    changed_at = models.DateTimeField(_("Geändert am"), auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Geändert von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Interne Frist")
        verbose_name_plural = _("Interne Fristen")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.internal_due_date:%d.%m.%Y}"


class DeadlineReminder(models.Model):
    """One reminder e-mail sent: per paper, due date, stage and recipient at most once."""

    page = models.ForeignKey(
        "workgroups.PositionPaperPage",
        verbose_name=_("Positionspapier"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    due_date = models.DateField(_("Frist"))
    days_before = models.PositiveSmallIntegerField(_("Tage vor der Frist"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Empfänger/in"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("Gesendet am"), default=timezone.now)

    class Meta:
        verbose_name = _("Fristerinnerung")
        verbose_name_plural = _("Fristerinnerungen")
        constraints = [
            # The guarantee behind "each reminder exactly once", across restarts and
            # concurrent scheduler runs alike.
            models.UniqueConstraint(
                fields=["page", "due_date", "days_before", "recipient"],
                name="deadline_reminder_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id} {self.due_date} −{self.days_before} → {self.recipient_id}"
