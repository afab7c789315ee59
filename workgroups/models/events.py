"""Events: working group meetings, the Branchentreff, workshops."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
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


class MeetingIndexPage(Page):
    """A working group's internal meetings ("Interne Termine"); restricted to the group and editors."""

    parent_page_types = ["workgroups.WorkingGroupPage"]
    subpage_types = ["workgroups.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Bereich interne Termine")
        verbose_name_plural = _("Bereiche interne Termine")


def organising_group(page: Page | None):
    """The working group a page lies in (the page itself or an ancestor), or None."""
    from .groups import WorkingGroupPage

    if page is None or not page.path:
        return None
    return (
        WorkingGroupPage.objects.filter(
            path__in=[
                page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)
            ]
        )
        .order_by("-depth")
        .first()
    )


class EventPageForm(WagtailAdminPageForm):
    """A meeting created inside a working group is that group's meeting, whatever the form says."""

    def clean(self):
        cleaned_data = super().clean()
        group = organising_group(self.parent_page)
        if group is not None:
            cleaned_data["working_group"] = group
            self.instance.working_group = group
        return cleaned_data


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

    # A working group's public meetings live on its page, internal ones in its restricted
    # "Interne Termine" (members hold page permissions only there, not on the calendar).
    parent_page_types = [
        "workgroups.EventIndexPage",
        "workgroups.WorkingGroupPage",
        "workgroups.MeetingIndexPage",
    ]
    subpage_types = []
    base_form_class = EventPageForm

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError(
                {"ends_at": _("Das Ende der Veranstaltung liegt vor ihrem Beginn.")}
            )
