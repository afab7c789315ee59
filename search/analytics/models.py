"""Weekly counts per search query and per clicked result: no address, no user, no single search."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Longer queries are cut here; nobody types more into a search box on purpose.
QUERY_MAX_LENGTH = 100


class QueryWeek(models.Model):
    """How often a (normalised) query was searched in one week, and how often it found nothing."""

    week = models.DateField(_("Woche (Montag)"))
    query = models.CharField(_("Suchanfrage"), max_length=QUERY_MAX_LENGTH)
    searches = models.PositiveIntegerField(_("Suchen"), default=0)
    zero_results = models.PositiveIntegerField(_("ohne Treffer"), default=0)

    class Meta:
        verbose_name = _("Suchanfrage je Woche")
        verbose_name_plural = _("Suchanfragen je Woche")
        constraints = [
            models.UniqueConstraint(fields=["week", "query"], name="search_query_week_unique")
        ]

    def __str__(self):
        return f"{self.week:%d.%m.%Y}: {self.query}"


class ClickWeek(models.Model):
    """How often a result of a query was opened from the search page in one week."""

    week = models.DateField(_("Woche (Montag)"))
    query = models.CharField(_("Suchanfrage"), max_length=QUERY_MAX_LENGTH)
    paper = models.ForeignKey(
        "workgroups.PositionPaperPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Positionspapier"),
    )
    clicks = models.PositiveIntegerField(_("Klicks"), default=0)

    class Meta:
        verbose_name = _("Geöffneter Treffer je Woche")
        verbose_name_plural = _("Geöffnete Treffer je Woche")
        constraints = [
            models.UniqueConstraint(
                fields=["week", "query", "paper"], name="search_click_week_unique"
            )
        ]

    def __str__(self):
        return f"{self.week:%d.%m.%Y}: {self.query} → {self.paper_id}"
