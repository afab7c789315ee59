"""Invitations into a working group and the private calendar tokens of members."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CalendarToken(models.Model):
    """The secret part of one person's private calendar address (one per person, revocable)."""

    # Kept in clear, unlike invitation tokens: the address is shown to its owner again
    # whenever they open the calendar page, as calendar services do. It grants reading
    # the owner's meetings only.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzer"),
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token = models.CharField(_("Schlüssel"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("Erstellt am"), default=timezone.now)

    class Meta:
        verbose_name = _("Kalender-Schlüssel")
        verbose_name_plural = _("Kalender-Schlüssel")

    def __str__(self) -> str:
        return str(self.user)


class Invitation(models.Model):
    """An invitation by e-mail into one working group; single use, valid for seven days."""

    email = models.EmailField(_("E-Mail-Adresse"))
    working_group = models.ForeignKey(
        "workgroups.WorkingGroupPage",
        verbose_name=_("Arbeitskreis"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    organisation = models.ForeignKey(
        "workgroups.Organisation",
        verbose_name=_("Mitgliedsunternehmen"),
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Eingeladen von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Only the SHA-256 of the token is stored: a database leak opens no invitation.
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("Eingeladen am"), default=timezone.now)
    expires_at = models.DateTimeField(_("Gültig bis"))
    accepted_at = models.DateTimeField(_("Angenommen am"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Angenommen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.email} → {self.working_group}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
