"""Admin wiring: snippet viewsets, flat listings, role upkeep, and the admin visibility policy."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.documents import get_document_model
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from choosers.status import consultation_status, with_plain_status
from workgroups.access import views as access_views
from workgroups.access.documents import document_serve_check
from workgroups.access.permissions import document_permission_policy
from workgroups.access.policy import admin_scope
from workgroups.models import (
    Addressee,
    EventPage,
    Organisation,
    PositionPaperPage,
    RegulatoryProject,
    WorkingGroupPage,
)

# Takes precedence over Wagtail's document policy whichever registers first (an exact-class
# entry is looked up before the others), so every document view applies it.
register_permission_policy(get_document_model(), document_permission_policy(), exact_class=True)


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
    list_display = [
        "title",
        "kind",
        "level",
        "lobbyregister_number",
        Column("consultation", label=_("Status"), accessor=consultation_status),
    ]
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
    # One status column in plain German (choosers/status.py): where the paper stands,
    # with "überholt"/"zurückgezogen" folded in, instead of Wagtail's badge beside a second one.
    columns = [
        *with_plain_status(PageListingViewSet.columns),
        Column("citation_id", label=_("Zitier-ID"), sort_key="citation_id"),
        Column("get_paper_type_display", label=_("Art"), sort_key="paper_type"),
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
        *with_plain_status(PageListingViewSet.columns),
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


# The admin visibility policy (workgroups/access): a member sees their working groups'
# areas and the public site, never another group's drafts, minutes or internal files.


@hooks.register("construct_explorer_page_queryset")
def explorer_pages_in_scope(parent_page, pages, request):
    return pages.filter(admin_scope(request.user).workspace_q())


@hooks.register("construct_page_chooser_queryset")
def chooser_pages_in_scope(pages, request):
    # The chooser also searches these pages, so the filter must be one a search backend applies.
    return pages.filter(admin_scope(request.user).searchable_pages_q())


# order=1: registered after Wagtail's base page viewset, so this one serves every page type.
@hooks.register("register_admin_viewset", order=1)
def register_scoped_page_viewset():
    return access_views.ScopedPageViewSet()


# order=1: the scoped bulk actions replace Wagtail's actions of the same name.
for _bulk_action in access_views.SCOPED_BULK_ACTIONS:
    hooks.register("register_bulk_action", _bulk_action, order=1)


@hooks.register("construct_admin_api", order=1)
def scoped_admin_api(router):
    router.register_endpoint("documents", access_views.ScopedDocumentsAdminAPIViewSet)
    router.register_endpoint("images", access_views.ScopedImagesAdminAPIViewSet)


# order=-1: before Wagtail's own check, which would answer a private file with a login
# prompt (an existence oracle) instead of 404.
@hooks.register("before_serve_document", order=-1)
def serve_public_or_permitted_documents(document, request):
    document_serve_check(document=document, user=request.user)
