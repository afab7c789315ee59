"""People: which member company a user works for and whether they sign for it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberProfile(models.Model):
    """A user's member company (every member belongs to one) and their say in sign-offs."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzer"),
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    organisation = models.ForeignKey(
        "workgroups.Organisation",
        verbose_name=_("Mitgliedsunternehmen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    signs_for_organisation = models.BooleanField(
        _("Zeichnet für das Unternehmen"),
        default=False,
        help_text=_("Ansprechperson des Unternehmens für die Mitzeichnung von Positionspapieren."),
    )
    job_title = models.CharField(_("Funktion im Unternehmen"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("Mitgliedsprofil")
        verbose_name_plural = _("Mitgliedsprofile")

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation or _('ohne Unternehmen')})"
