"""The generated PDF of one published version of a paper."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PaperPrint(models.Model):
    """The PDF the worker rendered from one published revision of a paper."""

    page = models.ForeignKey(
        "workgroups.PositionPaperPage",
        verbose_name=_("Positionspapier"),
        on_delete=models.CASCADE,
        related_name="prints",
    )
    # Purging old revisions keeps their PDF (and its version label) on record.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("Fassung"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version_label = models.CharField(_("Version"), max_length=20)
    # Never under /media/images/: only Django serves it (printing/views.py), while public.
    file = models.FileField(_("PDF-Datei"), upload_to="prints/%Y/")
    created_at = models.DateTimeField(_("Erzeugt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Erzeugte PDF-Fassung")
        verbose_name_plural = _("Erzeugte PDF-Fassungen")
        constraints = [
            models.UniqueConstraint(fields=["page", "revision"], name="print_one_per_revision")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} v{self.version_label}"
