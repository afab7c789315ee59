"""One authoring working group's approval in the first review step (review/models/tasks.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState


class GroupLeadApproval(models.Model):
    """One authoring working group's approval of a paper in the first review step."""

    task_state = models.ForeignKey(
        TaskState,
        verbose_name=_("Prüfschritt"),
        on_delete=models.CASCADE,
        related_name="group_lead_approvals",
    )
    working_group = models.ForeignKey(
        "workgroups.WorkingGroupPage",
        verbose_name=_("Arbeitskreis"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Freigegeben von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("Freigegeben am"), auto_now_add=True)
    comment = models.TextField(_("Kommentar"), blank=True)

    class Meta:
        verbose_name = _("Freigabe eines Arbeitskreises")
        verbose_name_plural = _("Freigaben der Arbeitskreise")
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "working_group"], name="one_approval_per_group_and_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.working_group} ({self.approved_at:%d.%m.%Y})"
