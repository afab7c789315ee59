"""The database backend's public index, the outbox of index updates, PDF texts and synonyms."""

import re
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

MAX_SYNONYM_LENGTH = 100


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


class IndexUpdate(models.Model):
    """An index update still owed to one backend: the outbox row of one page (search/outbox.py).

    Written in the editor's transaction, so it is as durable as the publish and gone again if
    the publish rolls back; one row per page and backend however often the page changes; the
    worker deletes it once the backend has taken the update, or marks it failed.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("wartet")
        FAILED = "failed", _("fehlgeschlagen")

    class Extent(models.IntegerChoices):
        # Ordered: a larger extent includes every smaller one, so two changes merge into the max.
        PAGE = 1, _("die Seite")
        MEMBERSHIP = 2, _("die Seite; darunter fehlende ergänzen, überzählige entfernen")
        SUBTREE = 3, _("die Seite und alles darunter")

    page_id = models.BigIntegerField(_("Seite"))
    backend = models.CharField(_("Suchbackend"), max_length=20)
    extent = models.PositiveSmallIntegerField(_("Umfang"), choices=Extent.choices)
    state = models.CharField(
        _("Zustand"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveIntegerField(_("Fehlversuche"), default=0)
    next_attempt_at = models.DateTimeField(_("nächster Versuch"))
    last_error = models.TextField(_("letzter Fehler"), blank=True)
    # Replaced by every new change: the worker deletes a row only if it is the change it saw.
    change = models.UUIDField(_("Änderung"), default=uuid.uuid4)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), default=timezone.now)

    class Meta:
        verbose_name = _("Suchindex-Aktualisierung")
        verbose_name_plural = _("Suchindex-Aktualisierungen")
        constraints = [
            models.UniqueConstraint(fields=["page_id", "backend"], name="search_update_per_page")
        ]
        indexes = [models.Index(fields=["state", "backend", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.backend} {self.page_id} ({self.state})"


def synonym_terms(text: str) -> list[str]:
    """The terms of a synonym entry: separated by commas, semicolons or lines, trimmed."""
    return [t.strip() for t in re.split(r"[,;\n]", text or "") if t.strip()]


class SearchSynonym(models.Model):
    """Terms the public search treats as one (abbreviations, synonyms), kept by the editors."""

    terms = models.TextField(
        _("Gleichbedeutende Begriffe"),
        help_text=_(
            "Durch Kommas getrennt, z. B. „KI, Künstliche Intelligenz“ oder "
            "„OZG, Onlinezugangsgesetz“. Wer nach einem davon sucht, findet auch die anderen."
        ),
    )
    note = models.CharField(_("Anmerkung"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("Suchbegriff mit Synonymen")
        verbose_name_plural = _("Synonyme und Abkürzungen")
        ordering = ["terms"]

    def __str__(self) -> str:
        return " ↔ ".join(synonym_terms(self.terms))

    def clean(self):
        from search.analysis import analyse

        terms = synonym_terms(self.terms)
        for term in terms:
            if len(term) > MAX_SYNONYM_LENGTH:
                raise ValidationError(
                    {
                        "terms": _("„%(term)s“ ist zu lang (höchstens %(max)s Zeichen).")
                        % {"term": term[:40], "max": MAX_SYNONYM_LENGTH}
                    }
                )
            if not analyse(term):
                raise ValidationError(
                    {
                        "terms": _("„%(term)s“ enthält kein Wort, nach dem gesucht werden kann.")
                        % {"term": term}
                    }
                )
        keys = {tuple(t.whole for t in analyse(term)) for term in terms}
        if len(keys) < 2:
            raise ValidationError(
                {
                    "terms": _(
                        "Bitte mindestens zwei verschiedene Begriffe angeben, durch Kommas getrennt."
                    )
                }
            )
        self.terms = ", ".join(terms)


class PdfText(models.Model):
    """The text of one PDF file, page by page, extracted once by the indexing worker."""

    # Wagtail's Document.file_hash (SHA-1 of the content): the same file is read only once.
    file_hash = models.CharField(_("Prüfsumme der Datei"), max_length=40, unique=True)
    pages = models.JSONField(_("Text je Seite"), default=list)
    extracted_at = models.DateTimeField(_("ausgelesen"), auto_now=True)

    class Meta:
        verbose_name = _("PDF-Text")
        verbose_name_plural = _("PDF-Texte")

    def __str__(self) -> str:
        return f"{self.file_hash} ({len(self.pages)} S.)"
