"""Working groups: the index, each group's page with chairs and topics, and its private minutes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, TextStreamBlock
from cms.models import HeadlessPage


class WorkingGroupIndexPage(HeadlessPage):
    """The list of all working groups ("Arbeitskreise")."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["workgroups.WorkingGroupPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Arbeitskreis-Übersicht")
        verbose_name_plural = _("Arbeitskreis-Übersichten")


class WorkingGroupTopic(TaggedItemBase):
    """Through-model for a working group's topics (tags shared with papers)."""

    content_object = ParentalKey(
        "workgroups.WorkingGroupPage", on_delete=models.CASCADE, related_name="tagged_topics"
    )


class WorkingGroupPage(HeadlessPage):
    """A working group: mission, topics, chairs, meetings; parent of its papers and minutes."""

    short_description = models.TextField(
        _("Kurzbeschreibung"),
        max_length=500,
        help_text=_("Zwei bis drei Sätze für Übersichten und Suchergebnisse."),
    )
    mission = RichTextField(_("Auftrag und Arbeitsweise"), features=RICH_TEXT_FEATURES, blank=True)
    topics = ClusterTaggableManager(through=WorkingGroupTopic, blank=True, verbose_name=_("Themen"))
    meeting_rhythm = models.CharField(_("Sitzungsrhythmus"), max_length=255, blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=255, blank=True)
    contact_email = models.EmailField(_("E-Mail der Ansprechperson"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_description"),
        FieldPanel("mission"),
        FieldPanel("topics"),
        InlinePanel("chairs", label=_("Sprecherinnen und Sprecher"), max_num=4),
        MultiFieldPanel(
            [
                FieldPanel("meeting_rhythm"),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
            ],
            heading=_("Treffen und Kontakt"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("mission"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    parent_page_types = ["workgroups.WorkingGroupIndexPage"]
    subpage_types = [
        "workgroups.PositionPaperPage",
        "workgroups.MinutesIndexPage",
        "workgroups.EventPage",
        "workgroups.MeetingIndexPage",
    ]

    class Meta:
        verbose_name = _("Arbeitskreis")
        verbose_name_plural = _("Arbeitskreise")


class WorkingGroupChair(Orderable):
    """A chair ("Sprecherin"/"Sprecher") of a working group."""

    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="chairs")
    name = models.CharField(_("Name"), max_length=255)
    role = models.CharField(_("Funktion"), max_length=100, default=_("Sprecher/in"), blank=True)
    organisation = models.ForeignKey(
        "workgroups.Organisation",
        verbose_name=_("Unternehmen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role")]), FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("Sprecher/in")
        verbose_name_plural = _("Sprecherinnen und Sprecher")

    def __str__(self) -> str:
        return self.name


class MinutesIndexPage(Page):
    """A working group's minutes ("Protokolle"); always restricted to the group and editors."""

    parent_page_types = ["workgroups.WorkingGroupPage"]
    subpage_types = ["workgroups.MinutesPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Protokoll-Bereich")
        verbose_name_plural = _("Protokoll-Bereiche")


class MinutesPage(Page):
    """The minutes of one meeting; internal to the working group."""

    meeting_date = models.DateField(_("Sitzungsdatum"))
    meeting = models.ForeignKey(
        "workgroups.EventPage",
        verbose_name=_("Sitzung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="minutes",
    )
    attendees = models.TextField(_("Teilnehmende"), blank=True)
    body = StreamField(TextStreamBlock(), verbose_name=_("Protokoll"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("meeting_date"), FieldPanel("meeting")]),
        FieldPanel("attendees"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Anhänge")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("attendees"),
        index.SearchField("body"),
        index.FilterField("meeting_date"),
    ]

    parent_page_types = ["workgroups.MinutesIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Protokoll")
        verbose_name_plural = _("Protokolle")


class MinutesAttachment(Orderable):
    """A file attached to minutes, from the working group's internal documents."""

    page = ParentalKey(MinutesPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Dokument"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("Anhang")
        verbose_name_plural = _("Anhänge")


class WorkingGroupAccess(models.Model):
    """The Wagtail groups, document collection and workflow that belong to one working group.

    Kept as a record (not derived from names) so renaming a working group never orphans
    its roles; created and repaired by ``working_group_roles_ensure``.
    """

    working_group = models.OneToOneField(
        WorkingGroupPage, on_delete=models.CASCADE, related_name="access"
    )
    members = models.OneToOneField(
        "auth.Group", verbose_name=_("Mitglieder"), on_delete=models.PROTECT, related_name="+"
    )
    chairs = models.OneToOneField(
        "auth.Group", verbose_name=_("Leitung"), on_delete=models.PROTECT, related_name="+"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("Dokumente"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        verbose_name=_("Workflow"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Rollen eines Arbeitskreises")
        verbose_name_plural = _("Rollen der Arbeitskreise")

    def __str__(self) -> str:
        return str(self.working_group)
