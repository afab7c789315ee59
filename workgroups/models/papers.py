"""Position papers with their summary, demands, dispatch records and tags."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from choosers.panels import ReadOnlyListPanel
from choosers.widgets import snippet_multiple_chooser
from cms.models import HeadlessPage
from workgroups.blocks import PaperBodyBlock

from .choices import CITATION_CODES, DispatchChannel, PaperStatus, PaperType

CITATION_PREFIX = "CITM"
# The running number has at least two digits and no upper bound, like next_citation_id():
# the 1,000th paper of a type and year gets ...-1000, and it must still be valid.
CITATION_ID_RE = re.compile(r"^[A-Z]{2,8}-[A-Z]{2,4}-\d{4}-\d{2,}$")


class PaperTag(TaggedItemBase):
    """Through-model for a paper's tags."""

    content_object = ParentalKey(
        "workgroups.PositionPaperPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PositionPaperPage(HeadlessPage):
    """A position paper, statement, list of demands or press release of a working group."""

    subtitle = models.CharField(_("Untertitel"), max_length=255, blank=True)
    summary = models.TextField(
        _("Zusammenfassung"),
        max_length=1200,
        help_text=_("Teaser für Listen, Suchergebnisse und Vorschauen in sozialen Medien."),
    )
    verdict = models.TextField(
        _("Auf einen Blick: Kernaussage"),
        max_length=400,
        help_text=_("Ein bis zwei Sätze für eilige Leserinnen und Leser; erscheinen zuerst."),
    )
    body = StreamField(PaperBodyBlock(), verbose_name=_("Inhalt"), blank=True)
    paper_type = models.CharField(
        _("Art"), max_length=20, choices=PaperType.choices, default=PaperType.POSITIONSPAPIER
    )
    tags = ClusterTaggableManager(through=PaperTag, blank=True, verbose_name=_("Schlagworte"))
    co_working_groups = ParentalManyToManyField(
        "workgroups.WorkingGroupPage",
        verbose_name=_("Mitverfassende Arbeitskreise"),
        blank=True,
        related_name="co_authored_papers",
    )
    signatories = ParentalManyToManyField(
        "workgroups.Organisation",
        verbose_name=_("Unterzeichnende Mitgliedsunternehmen"),
        blank=True,
        related_name="signed_papers",
    )
    regulatory_projects = ParentalManyToManyField(
        "workgroups.RegulatoryProject",
        verbose_name=_("Regelungsvorhaben"),
        blank=True,
        related_name="papers",
    )
    # Empty until the first publication sets it to that go-live date; editors may backdate.
    publication_date = models.DateField(
        _("Veröffentlichungsdatum"),
        null=True,
        blank=True,
        help_text=_(
            "Wird bei der ersten Veröffentlichung gesetzt; für ältere Papiere das "
            "ursprüngliche Datum eintragen."
        ),
    )
    version_label = models.CharField(_("Version"), max_length=20, default="1.0")
    # NULL for drafts: assigned at the first publication, never to a draft.
    citation_id = models.CharField(
        _("Zitier-ID"),
        max_length=30,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Stabile Kennung zum Zitieren, z. B. CITM-STN-2025-07. Leer lassen: sie wird bei "
            "der ersten Veröffentlichung erzeugt."
        ),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=PaperStatus.choices, default=PaperStatus.CURRENT
    )
    superseded_by = models.ForeignKey(
        "workgroups.PositionPaperPage",
        verbose_name=_("Ersetzt durch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF-Fassung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(_("Ansprechperson"), max_length=255, blank=True)
    contact_role = models.CharField(_("Funktion der Ansprechperson"), max_length=255, blank=True)
    contact_email = models.EmailField(_("E-Mail der Ansprechperson"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [
                FieldPanel("verdict"),
                InlinePanel("key_demands", label=_("Kernforderung"), max_num=3),
            ],
            heading=_("Auf einen Blick"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("paper_type"), FieldPanel("status")]),
                FieldRowPanel(
                    [
                        FieldPanel("publication_date"),
                        FieldPanel("version_label"),
                        FieldPanel("citation_id"),
                    ]
                ),
                PageChooserPanel("superseded_by", "workgroups.PositionPaperPage"),
                FieldPanel("pdf"),
            ],
            heading=_("Veröffentlichung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("tags"),
                FieldPanel("co_working_groups"),
                FieldPanel(
                    "regulatory_projects",
                    widget=snippet_multiple_chooser(
                        "workgroups.RegulatoryProject", add_text=_("Regelungsvorhaben hinzufügen")
                    ),
                ),
                # Filled from the Mitzeichnung at publication (signoff/services.py).
                ReadOnlyListPanel(
                    "signatories",
                    empty_text=_("Noch keine – sie stammen aus der Mitzeichnung."),
                ),
            ],
            heading=_("Einordnung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_role"), FieldPanel("contact_email")]),
            ],
            heading=_("Kontakt"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.SearchField("verdict"),
        index.SearchField("body"),
        index.SearchField("citation_id"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("paper_type"),
        index.FilterField("status"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["workgroups.WorkingGroupPage"]
    subpage_types = []
    # A copy is a new paper: its own citation ID and date at its first publication, and
    # nobody's successor yet.
    exclude_fields_in_copy = ["citation_id", "publication_date", "superseded_by"]

    class Meta:
        verbose_name = _("Positionspapier")
        verbose_name_plural = _("Positionspapiere")
        # The public API and feeds list papers newest first; this keeps the first pages of
        # that listing an index walk instead of a sort of the whole archive.
        indexes = [
            models.Index(fields=["-publication_date", "-page_ptr"], name="paper_newest_first")
        ]

    def minimal_clean(self):
        # Wagtail only runs minimal_clean() for drafts; tree, slug and citation ID rules
        # must hold for drafts too (a draft's row is real and the citation ID is unique).
        super().minimal_clean()
        errors: dict[str, list] = {}
        self._clean_tree(errors)
        self._clean_slug(errors)
        self._clean_citation_id(errors)
        if errors:
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        self._clean_tree(errors)
        self._clean_slug(errors)
        self._clean_citation_id(errors)
        self._clean_status(errors)
        self._clean_pdf(errors)
        if errors:
            raise ValidationError(errors)

    def _clean_tree(self, errors):
        # The path is only known once the page is placed in the tree (add_child/move).
        if self.path:
            parent = self.get_parent()
            if parent is not None and parent.specific_class.__name__ != "WorkingGroupPage":
                errors.setdefault("__all__", []).append(
                    _("Ein Positionspapier muss unter einem Arbeitskreis liegen.")
                )

    def _clean_slug(self, errors):
        # Papers are addressed by slug alone (API, citations), so it must be unique site-wide.
        # The other paper may be another group's draft: the message names nothing of it.
        if (
            self.slug
            and PositionPaperPage.objects.filter(slug=self.slug).exclude(pk=self.pk).exists()
        ):
            errors.setdefault("slug", []).append(
                _("Diese Kurzbezeichnung ist schon vergeben. Bitte eine andere wählen.")
            )

    def _first_publication_stamp(self):
        # Wagtail's publish sets live=True and then saves (full_clean), so this runs as the
        # revision goes live; a draft never gets a date or an ID by itself.
        if self.pk and (self.publication_date is None or not self.citation_id):
            # Once given, date and ID stay, even when a form sends them empty.
            stored = PositionPaperPage.objects.filter(pk=self.pk).values_list(
                "publication_date", "citation_id"
            )
            date, citation_id = stored.first() or (None, None)
            self.publication_date = self.publication_date or date
            self.citation_id = self.citation_id or citation_id
        if not self.live:
            return
        if self.publication_date is None:
            go_live = self.go_live_at or self.first_published_at or timezone.now()
            self.publication_date = timezone.localdate(go_live)
        if not self.citation_id:
            self.citation_id = self.next_citation_id()

    def with_content_json(self, content):
        # Date and ID are set on the page row at the first publication; revisions saved
        # before it (or forms that left the fields empty) must not clear them again.
        obj = super().with_content_json(content)
        if not obj.citation_id and self.citation_id:
            obj.citation_id = self.citation_id
        if obj.publication_date is None and self.publication_date is not None:
            obj.publication_date = self.publication_date
        return obj

    def _clean_citation_id(self, errors):
        self._first_publication_stamp()
        if not self.citation_id:
            self.citation_id = None
            return
        self.citation_id = self.citation_id.strip().upper()
        if not CITATION_ID_RE.match(self.citation_id):
            errors.setdefault("citation_id", []).append(
                _("Die Zitier-ID hat die Form PRÄFIX-ART-JAHR-NUMMER, z. B. CITM-STN-2025-07.")
            )
        elif (
            PositionPaperPage.objects.filter(citation_id=self.citation_id)
            .exclude(pk=self.pk)
            .exists()
        ):
            errors.setdefault("citation_id", []).append(
                _(
                    "Diese Zitier-ID ist schon vergeben. Bitte eine andere wählen oder das "
                    "Feld leeren, dann wird eine freie erzeugt."
                )
            )

    def _clean_status(self, errors):
        if self.superseded_by_id and self.pk and self.superseded_by_id == self.pk:
            errors.setdefault("superseded_by", []).append(
                _("Ein Papier kann sich nicht selbst ersetzen.")
            )
        if self.status == PaperStatus.SUPERSEDED and not self.superseded_by_id:
            errors.setdefault("superseded_by", []).append(
                _("Für ein überholtes Papier bitte das Papier angeben, das es ersetzt.")
            )
        if self.superseded_by_id and self.status == PaperStatus.CURRENT:
            errors.setdefault("status", []).append(
                _("Ein ersetztes Papier kann nicht „aktuell“ sein; bitte „überholt“ wählen.")
            )

    def _clean_pdf(self, errors):
        if self.pdf_id and not document_is_pdf(self.pdf):
            errors.setdefault("pdf", []).append(
                _("Die PDF-Fassung muss eine PDF-Datei sein (Endung .pdf und PDF-Inhalt).")
            )

    def next_citation_id(self) -> str:
        """The next free citation ID for this paper's type and publication year.

        One above the highest number in use (numerically, so ...-1000 follows ...-999);
        it always matches CITATION_ID_RE.
        """
        code = CITATION_CODES.get(self.paper_type, "POS")
        year = (self.publication_date or timezone.localdate()).year
        prefix = f"{CITATION_PREFIX}-{code}-{year}-"
        taken = PositionPaperPage.objects.filter(citation_id__startswith=prefix).values_list(
            "citation_id", flat=True
        )
        numbers = [int(cid.rsplit("-", 1)[1]) for cid in taken if cid.rsplit("-", 1)[1].isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1:02d}"


def document_is_pdf(document) -> bool:
    """True if a Wagtail document is a PDF by extension and by its first bytes."""
    if document.file_extension.lower() != "pdf":
        return False
    try:
        with document.file.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except (OSError, ValueError):
        return False


class PaperKeyDemand(Orderable):
    """One of at most three key demands shown "at a glance"."""

    page = ParentalKey(PositionPaperPage, on_delete=models.CASCADE, related_name="key_demands")
    text = models.CharField(_("Kernforderung"), max_length=300)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("Kernforderung")
        verbose_name_plural = _("Kernforderungen")

    def __str__(self) -> str:
        return self.text


class PaperDispatch(Orderable):
    """A record that the paper was sent to an addressee on a date (Lobbyregister shape).

    Not part of the paper's revisions: editors record a dispatch after publication
    without a new content version (signoff/services.py, its admin view on the paper).
    """

    page = models.ForeignKey(
        PositionPaperPage,
        verbose_name=_("Papier"),
        on_delete=models.CASCADE,
        related_name="dispatches",
    )
    addressee = models.ForeignKey(
        "workgroups.Addressee",
        verbose_name=_("Adressat"),
        on_delete=models.PROTECT,
        related_name="dispatches",
    )
    sent_on = models.DateField(_("Versanddatum"))
    channel = models.CharField(
        _("Versandweg"), max_length=20, choices=DispatchChannel.choices, blank=True
    )
    note = models.CharField(_("Anmerkung"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Versand")
        verbose_name_plural = _("Versand")

    def __str__(self) -> str:
        return f"{self.addressee} ({self.sent_on:%d.%m.%Y})"
