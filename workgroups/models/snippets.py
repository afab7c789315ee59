"""Snippets maintained by the association office: organisations, addressees, regulatory projects."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .choices import Level, RegulatoryKind, SizeClass, State

slug_help = _(
    "Kurzbezeichnung für Adressen und Filter, z. B. „bmi“; nur Kleinbuchstaben, Ziffern und Bindestriche."
)


class Organisation(index.Indexed, ClusterableModel):
    """A member company of the association."""

    name = models.CharField(_("Name"), max_length=255)
    slug = models.SlugField(_("Kurzbezeichnung"), max_length=100, unique=True, help_text=slug_help)
    city = models.CharField(_("Ort"), max_length=100)
    state = models.CharField(_("Bundesland"), max_length=5, choices=State.choices)
    size_class = models.CharField(
        _("Größenklasse"), max_length=10, choices=SizeClass.choices, blank=True
    )
    sectors = models.CharField(
        _("Branchen"),
        max_length=255,
        blank=True,
        help_text=_("Kommagetrennt, z. B. „Cloud, IT-Sicherheit“"),
    )
    website = models.URLField(_("Website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    working_groups = ParentalManyToManyField(
        "workgroups.WorkingGroupPage",
        verbose_name=_("Arbeitskreise"),
        blank=True,
        related_name="member_organisations",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("state")]),
        FieldRowPanel([FieldPanel("size_class"), FieldPanel("website")]),
        FieldPanel("sectors"),
        FieldPanel("logo"),
        FieldPanel("working_groups", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("city"),
        index.SearchField("sectors"),
        index.FilterField("state"),
        index.FilterField("size_class"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Mitgliedsunternehmen")
        verbose_name_plural = _("Mitgliedsunternehmen")

    def __str__(self) -> str:
        return self.name


class Addressee(index.Indexed, models.Model):
    """A recipient of papers: a ministry, parliament, committee or administration."""

    name = models.CharField(_("Name"), max_length=255)
    short_name = models.CharField(_("Kurzname"), max_length=60, blank=True)
    slug = models.SlugField(_("Kurzbezeichnung"), max_length=100, unique=True, help_text=slug_help)
    level = models.CharField(_("Ebene"), max_length=10, choices=Level.choices)
    state = models.CharField(
        _("Bundesland"),
        max_length=5,
        choices=State.choices,
        blank=True,
        help_text=_("Nur für Landes- und Kommunaladressaten."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("level"), FieldPanel("state")]),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.FilterField("level"),
        index.FilterField("state"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Adressat")
        verbose_name_plural = _("Adressaten")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.level in (Level.LAND, Level.KOMMUNE) and not self.state:
            raise ValidationError(
                {"state": _("Für Landes- und Kommunaladressaten ist das Bundesland anzugeben.")}
            )
        if self.level in (Level.EU, Level.BUND) and self.state:
            raise ValidationError(
                {"state": _("EU- und Bundesadressaten gehören zu keinem Bundesland.")}
            )


lobbyregister_validator = RegexValidator(
    r"^RV\d{4,10}$",
    _("Die Lobbyregister-Nummer hat die Form „RV“ gefolgt von Ziffern, z. B. RV0001234."),
)


class RegulatoryProject(index.Indexed, models.Model):
    """A law, regulation, funding programme or EU initiative that papers address."""

    title = models.CharField(_("Titel"), max_length=255)
    short_title = models.CharField(_("Kurztitel"), max_length=80, blank=True)
    slug = models.SlugField(_("Kurzbezeichnung"), max_length=100, unique=True, help_text=slug_help)
    kind = models.CharField(_("Art"), max_length=20, choices=RegulatoryKind.choices)
    level = models.CharField(_("Ebene"), max_length=10, choices=Level.choices)
    responsible = models.CharField(
        _("Federführung"),
        max_length=255,
        blank=True,
        help_text=_("Zuständiges Parlament, Ausschuss oder Ministerium."),
    )
    lobbyregister_number = models.CharField(
        _("Lobbyregister-Nummer"),
        max_length=12,
        blank=True,
        validators=[lobbyregister_validator],
        help_text=_("Nummer des Regelungsvorhabens im Lobbyregister des Bundestages (RV…)."),
    )
    drucksache = models.CharField(
        _("Drucksache / Verfahren"),
        max_length=60,
        blank=True,
        help_text=_("z. B. „BT-Drs. 21/1501“ oder „COM(2022) 454“"),
    )
    link = models.URLField(_("Link (DIP, EUR-Lex, Landtag)"), blank=True)
    consultation_deadline = models.DateField(
        _("Frist der Anhörung / Konsultation"), null=True, blank=True
    )
    description = models.TextField(_("Beschreibung"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("short_title"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("level")]),
        FieldPanel("responsible"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("lobbyregister_number"), FieldPanel("drucksache")]),
                FieldPanel("link"),
                FieldPanel("consultation_deadline"),
            ],
            heading=_("Verfahren"),
        ),
        FieldPanel("description"),
    ]

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("short_title"),
        index.SearchField("description"),
        index.SearchField("lobbyregister_number"),
        index.FilterField("level"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("Regelungsvorhaben")
        verbose_name_plural = _("Regelungsvorhaben")

    def __str__(self) -> str:
        return self.short_title or self.title
