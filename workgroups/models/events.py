"""Events: working group meetings, the Branchentreff, workshops."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms.models import HeadlessPage

from .choices import EventType


class EventIndexPage(HeadlessPage):
    """The calendar of events ("Veranstaltungen")."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["workgroups.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")
        verbose_name_plural = _("Veranstaltungsübersichten")


class EventPage(HeadlessPage):
    """A single event with time, place and the organising working group."""

    event_type = models.CharField(
        _("Art der Veranstaltung"),
        max_length=30,
        choices=EventType.choices,
        default=EventType.MEETING,
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"), null=True, blank=True)
    location = models.CharField(_("Ort"), max_length=255, blank=True)
    working_group = models.ForeignKey(
        "workgroups.WorkingGroupPage",
        verbose_name=_("Arbeitskreis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Leer lassen bei verbandsweiten Veranstaltungen."),
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    registration_url = models.URLField(_("Anmeldung (Link)"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("event_type"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("location"),
                FieldPanel("working_group"),
            ],
            heading=_("Termin"),
        ),
        FieldPanel("description"),
        FieldPanel("registration_url"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("location"),
        index.FilterField("starts_at"),
        index.FilterField("event_type"),
    ]

    parent_page_types = ["workgroups.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError(
                {"ends_at": _("Das Ende der Veranstaltung liegt vor ihrem Beginn.")}
            )
