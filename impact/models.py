"""The recorded outcome of one demand block, kept outside the paper's revisions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImpactStatus(models.TextChoices):
    """What became of a demand in the procedure."""

    OPEN = "open", _("offen")
    ADOPTED = "adopted", _("übernommen")
    PARTLY_ADOPTED = "partly_adopted", _("teilweise übernommen")
    NOT_ADOPTED = "not_adopted", _("nicht übernommen")


class DemandImpact(models.Model):
    """What became of one demand of a paper, by the demand block's stable id."""

    # Wagtail keeps a block's id across revisions while editors change its text, so the
    # record follows the demand from version to version; it creates no revision itself.
    page = models.ForeignKey(
        "workgroups.PositionPaperPage",
        verbose_name=_("Positionspapier"),
        on_delete=models.CASCADE,
        related_name="demand_impacts",
    )
    block_id = models.CharField(_("Forderung (Block-ID)"), max_length=64)
    status = models.CharField(
        _("Ergebnis"), max_length=20, choices=ImpactStatus.choices, default=ImpactStatus.OPEN
    )
    printed_paper = models.CharField(
        _("Drucksache"), max_length=40, blank=True, help_text=_("z. B. 20/12345")
    )
    dip_url = models.URLField(
        _("Link zum Vorgang (DIP)"),
        blank=True,
        help_text=_("Dokumentations- und Informationssystem für Parlamentsmaterialien"),
    )
    law_text = models.TextField(_("Beschlossener Wortlaut"), blank=True)
    decided_on = models.DateField(_("Datum der Entscheidung"), null=True, blank=True)
    note = models.TextField(_("Anmerkung"), blank=True)
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Geändert von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Wirkung einer Forderung")
        verbose_name_plural = _("Wirkung der Forderungen")
        constraints = [
            models.UniqueConstraint(fields=["page", "block_id"], name="impact_one_per_demand")
        ]

    def __str__(self) -> str:
        return f"{self.page_id}/{self.block_id}: {self.get_status_display()}"
