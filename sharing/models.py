"""Share links to a paper's latest draft for a named outsider, and the log of their use."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ShareLink(models.Model):
    """A revocable, expiring link that shows one paper's latest draft to one named person.

    Only the SHA-256 hash of the token is stored: the token itself is shown once, when the
    link is created, and cannot be read back from the database.
    """

    paper = models.ForeignKey(
        "workgroups.PositionPaperPage",
        verbose_name=_("Positionspapier"),
        on_delete=models.CASCADE,
        related_name="share_links",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    recipient_name = models.CharField(_("Name"), max_length=200)
    recipient_organisation = models.CharField(_("Organisation"), max_length=200)
    recipient_email = models.EmailField(_("E-Mail"))
    expires_at = models.DateTimeField(_("gültig bis"))
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angelegt von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zurückgezogen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Vertraulicher Link")
        verbose_name_plural = _("Vertrauliche Links")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.recipient_name} ({self.recipient_organisation})"


class ShareLinkAccess(models.Model):
    """One opening of a share link: when, nothing about who (no IP address, no user agent)."""

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="accesses")
    accessed_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Aufruf eines vertraulichen Links")
        verbose_name_plural = _("Aufrufe vertraulicher Links")
        ordering = ["-accessed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.link_id} @ {self.accessed_at:%Y-%m-%d %H:%M}"
