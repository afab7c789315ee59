"""Mitzeichnung: the workflow task, its state per round, and each company's answer."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState


class Decision(models.TextChoices):
    """What a member company answers in a sign-off."""

    SIGN = "sign", _("Mitzeichnen")
    ABSTAIN = "abstain", _("Enthaltung")
    OBJECT = "object", _("Widerspruch")


class SignoffTask(Task):
    """A workflow step in which the authoring groups' member companies sign, abstain or object."""

    quorum = models.DecimalField(
        _("Quorum"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.50"),
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_(
            "Anteil der Unternehmen, die mitzeichnen müssen, damit der Schritt abgeschlossen "
            "ist, z. B. 0,5 für die Hälfte."
        ),
    )
    veto_threshold = models.PositiveSmallIntegerField(
        _("Widerspruchsschwelle"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("So viele Widersprüche schicken das Papier an den Arbeitskreis zurück."),
    )
    silence_days = models.PositiveSmallIntegerField(
        _("Schweigefrist (Tage)"),
        default=14,
        validators=[MinValueValidator(1)],
        help_text=_("Wer bis zum Ende der Frist nicht antwortet, stimmt zu (Umlaufverfahren)."),
    )

    admin_form_fields = [*Task.admin_form_fields, "quorum", "veto_threshold", "silence_days"]

    class Meta:
        verbose_name = _("Mitzeichnung der Mitgliedsunternehmen")
        verbose_name_plural = _("Mitzeichnungen der Mitgliedsunternehmen")

    @classmethod
    def get_description(cls):
        return _(
            "Die Mitgliedsunternehmen der verfassenden Arbeitskreise zeichnen über ihre "
            "Ansprechpersonen mit, enthalten sich oder widersprechen."
        )

    def deadline_from(self, started_at):
        return started_at + timedelta(days=self.silence_days)

    def _current_state(self, obj):
        workflow_state = getattr(obj, "current_workflow_state", None)
        task_state = workflow_state.current_task_state if workflow_state else None
        if task_state is None or task_state.task_id != self.pk:
            return None
        return task_state.specific

    def _can_answer(self, obj, user) -> bool:
        state = self._current_state(obj)
        return state is not None and state.organisation_answering_for(user) is not None

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or self._can_answer(obj, user)

    def locked_for_user(self, obj, user):
        # While the companies sign, the text they sign must not change under them.
        return not user.is_superuser

    def get_actions(self, obj, user):
        if self._can_answer(obj, user):
            return [("answer", _("Mitzeichnung abgeben"), False)]
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        # The answer has its own form (signoff/views.py); the workflow menu leads there.
        if action_name == "answer":
            return reverse("signoff:answer", args=[task_state.pk])
        return None

    def get_task_states_user_can_moderate(self, user, **kwargs):
        organisation_id = SignoffTaskState.organisation_id_of(user)
        if organisation_id is None:
            return TaskState.objects.none()
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS, signofftaskstate__organisations=organisation_id
        )


class SignoffTaskState(TaskState):
    """One sign-off round: the companies asked (fixed at the start) and the Schweigefrist."""

    deadline = models.DateTimeField(_("Ende der Schweigefrist"), null=True)
    organisations = models.ManyToManyField(
        "workgroups.Organisation",
        verbose_name=_("Beteiligte Unternehmen"),
        related_name="signoff_rounds",
        blank=True,
    )

    class Meta:
        verbose_name = _("Mitzeichnungsrunde")
        verbose_name_plural = _("Mitzeichnungsrunden")

    @staticmethod
    def organisation_id_of(user) -> int | None:
        """The company a user answers for: their own, if they are its designated contact."""
        profile = getattr(user, "member_profile", None) if user.is_authenticated else None
        if profile is None or not profile.signs_for_organisation:
            return None
        return profile.organisation_id

    def organisation_answering_for(self, user):
        """The company of this round the user answers for, while the round is open."""
        organisation_id = self.organisation_id_of(user)
        if organisation_id is None or self.status != TaskState.STATUS_IN_PROGRESS:
            return None
        return self.organisations.filter(pk=organisation_id).first()


# Defined after the state model it names; Wagtail reads it only when a round starts.
SignoffTask.task_state_class = SignoffTaskState


class SignoffAnswer(models.Model):
    """A company's current answer in one round (one per company and round)."""

    task_state = models.ForeignKey(
        SignoffTaskState, on_delete=models.CASCADE, related_name="answers"
    )
    organisation = models.ForeignKey(
        "workgroups.Organisation",
        verbose_name=_("Unternehmen"),
        on_delete=models.CASCADE,
        related_name="signoff_answers",
    )
    decision = models.CharField(_("Antwort"), max_length=10, choices=Decision.choices)
    comment = models.TextField(_("Anmerkung"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Geantwortet von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("Zuletzt geändert"), default=timezone.now)

    class Meta:
        verbose_name = _("Antwort zur Mitzeichnung")
        verbose_name_plural = _("Antworten zur Mitzeichnung")
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "organisation"], name="signoff_one_answer_per_company"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_decision_display()}"


class SignoffAnswerChange(models.Model):
    """Every answer as given, with its time: the history editors see."""

    answer = models.ForeignKey(SignoffAnswer, on_delete=models.CASCADE, related_name="changes")
    decision = models.CharField(_("Antwort"), max_length=10, choices=Decision.choices)
    comment = models.TextField(_("Anmerkung"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("Änderung einer Antwort")
        verbose_name_plural = _("Änderungen von Antworten")

    def __str__(self) -> str:
        return f"{self.get_decision_display()} ({self.changed_at:%d.%m.%Y %H:%M})"
