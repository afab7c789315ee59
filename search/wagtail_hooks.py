"""Admin wiring of the search: failed index updates under "Berichte", the editors' synonyms."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.admin_views import (
    IndexUpdateReportView,
    index_updates_replay_view,
    may_see_index_updates,
)
from search.models import SearchSynonym
from search.synonyms import synonyms_changed


@hooks.register("register_admin_urls")
def register_index_update_urls():
    return [
        path(
            "reports/search-index/",
            IndexUpdateReportView.as_view(),
            name="search_index_updates",
        ),
        path(
            "reports/search-index/results/",
            IndexUpdateReportView.as_view(results_only=True),
            name="search_index_updates_results",
        ),
        path(
            "reports/search-index/replay/",
            index_updates_replay_view,
            name="search_index_updates_replay",
        ),
    ]


class IndexUpdatesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_index_updates(request.user)


@hooks.register("register_reports_menu_item")
def register_index_updates_menu_item():
    return IndexUpdatesMenuItem(
        _("Suchindex: fehlgeschlagene Aktualisierungen"),
        reverse("search_index_updates"),
        name="search-index-updates",
        icon_name="warning",
        order=900,
    )


class EditorsOnlyPermissionPolicy(BasePermissionPolicy):
    """Every action for the editors ("Redaktion") and superusers, none for anyone else."""

    def user_has_permission(self, user, action):
        return may_see_index_updates(user)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        from workgroups.services.roles import EDITORS_GROUP_NAME

        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True) | Q(groups__name=EDITORS_GROUP_NAME), is_active=True
            )
            .distinct()
        )


register_permission_policy(SearchSynonym, EditorsOnlyPermissionPolicy(SearchSynonym))


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Synonyme der Suche")
    menu_name = "search-synonyms"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms", "note"]
    ordering = ["terms"]


register_snippet(SearchSynonymViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def synonym_saved(request, instance):
    if isinstance(instance, SearchSynonym):
        synonyms_changed()


@hooks.register("after_delete_snippet")
def synonyms_deleted(request, instances):
    if any(isinstance(instance, SearchSynonym) for instance in instances):
        synonyms_changed()
