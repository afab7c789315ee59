"""Admin wiring: snippet viewsets, a flat paper listing, and role upkeep for new groups."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from workgroups.models import (
    Addressee,
    EventPage,
    Organisation,
    PositionPaperPage,
    RegulatoryProject,
    WorkingGroupPage,
)


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Mitgliedsunternehmen")
    list_display = ["name", "city", "state", "size_class", "website"]
    list_filter = ["state", "size_class", "working_groups"]
    list_export = ["name", "slug", "city", "state", "size_class", "website"]
    search_fields = ["name", "city", "sectors"]
    ordering = ["name"]


class AddresseeViewSet(SnippetViewSet):
    model = Addressee
    icon = "mail"
    menu_label = _("Adressaten")
    list_display = ["name", "short_name", "level", "state"]
    list_filter = ["level", "state"]
    search_fields = ["name", "short_name"]
    ordering = ["name"]


class RegulatoryProjectViewSet(SnippetViewSet):
    model = RegulatoryProject
    icon = "doc-full"
    menu_label = _("Regelungsvorhaben")
    list_display = ["title", "kind", "level", "lobbyregister_number", "consultation_deadline"]
    list_filter = ["kind", "level"]
    search_fields = ["title", "short_title", "lobbyregister_number", "description"]
    ordering = ["title"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, AddresseeViewSet, RegulatoryProjectViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Verzeichnisse")
    menu_name = "directories"
    menu_order = 300


register_snippet(DirectoryViewSetGroup)


class PaperFilterSet(PageListingViewSet.filterset_class):
    class Meta:
        model = PositionPaperPage
        fields = ["paper_type", "status"]


class PaperListingViewSet(PageListingViewSet):
    """All papers in one flat, filterable list (the tree shows them per working group)."""

    model = PositionPaperPage
    icon = "doc-full-inverse"
    menu_label = _("Positionspapiere")
    menu_order = 150
    add_to_admin_menu = True
    filterset_class = PaperFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("citation_id", label=_("Zitier-ID"), sort_key="citation_id"),
        Column("get_paper_type_display", label=_("Art"), sort_key="paper_type"),
        Column("get_status_display", label=_("Status"), sort_key="status"),
        Column("publication_date", label=_("Veröffentlicht am"), sort_key="publication_date"),
    ]


class EventListingViewSet(PageListingViewSet):
    """Upcoming and past events in one list."""

    model = EventPage
    icon = "date"
    menu_label = _("Veranstaltungen")
    menu_order = 160
    add_to_admin_menu = True
    columns = [
        *PageListingViewSet.columns,
        Column("starts_at", label=_("Beginn"), sort_key="starts_at"),
        Column("location", label=_("Ort")),
    ]


@hooks.register("register_admin_viewset")
def register_paper_listing():
    return PaperListingViewSet("papers")


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventListingViewSet("events")


@hooks.register("after_create_page")
def ensure_roles_for_new_working_group(request, page):
    # A working group created in the admin gets its member groups, workflow and private
    # areas right away, exactly as bootstrap_site would create them.
    if isinstance(page.specific, WorkingGroupPage):
        from workgroups.services.roles import working_group_roles_ensure

        working_group_roles_ensure(working_group=page.specific)
