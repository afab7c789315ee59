"""Admin wiring of the search: the report of failed index updates under "Berichte"."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import (
    IndexUpdateReportView,
    index_updates_replay_view,
    may_see_index_updates,
)


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
