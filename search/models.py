"""The database backend's public index: one normalised row per live, public page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class SearchDocument(index.Indexed, models.Model):
    """One public page as the database backend searches it (written by search/indexing.py only).

    ``title`` and ``body`` hold terms from search/analysis/normalise.py, not display text:
    Wagtail's database backend (SQLite FTS5, PostgreSQL full text with the German
    configuration) indexes them, so folding, stemming and compound parts behave as on
    Elasticsearch.
    """

    page_id = models.BigIntegerField(_("Seite"), unique=True)
    kind = models.CharField(_("Art"), max_length=20, db_index=True)
    status = models.CharField(_("Status"), max_length=20, blank=True, db_index=True)
    # Normalised terms: title, summary, metadata and lead segments; the body separately.
    title = models.TextField(_("Begriffe (gewichtet)"))
    body = models.TextField(_("Begriffe (Text)"), blank=True)
    # Terms per weighted field, for field-aware ranking of the matches.
    field_terms = models.JSONField(_("Begriffe je Feld"), default=dict)
    texts = models.JSONField(_("Texte für Hervorhebungen"), default=dict)
    facets = models.JSONField(_("Facetten"), default=dict)
    published_on = models.DateField(_("Datum"), null=True, blank=True)
    completions = models.JSONField(_("Vervollständigungen"), default=list)
    # " key one\n key two": LIKE '% prefix%' finds completions by any word start.
    completion_keys = models.TextField(_("Vervollständigungsschlüssel"), blank=True)
    spell = models.TextField(_("Wörter für „Meinten Sie“"), blank=True)
    fingerprint = models.CharField(_("Fingerabdruck"), max_length=40)
    indexed_at = models.DateTimeField(_("indexiert"), auto_now=True)

    search_fields = [
        index.SearchField("title"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("status"),
    ]
    # Written only through search/indexing.py, which updates Wagtail's index itself: no
    # second update through Wagtail's post_save handler.
    search_auto_update = False

    class Meta:
        verbose_name = _("Suchdokument")
        verbose_name_plural = _("Suchdokumente")
        indexes = [models.Index(fields=["kind", "published_on"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.page_id}"
