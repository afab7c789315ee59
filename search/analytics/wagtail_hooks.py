"""Admin wiring of the search statistics: a report for editors under "Berichte"."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.analytics.views import SearchAnalyticsReportView, search_analytics_csv
from workgroups.access.policy import user_is_editor


@hooks.register("register_admin_urls")
def register_search_analytics_urls():
    return [
        path(
            "reports/suchstatistik/",
            SearchAnalyticsReportView.as_view(),
            name="search_analytics_report",
        ),
        path(
            "reports/suchstatistik/csv/",
            search_analytics_csv,
            name="search_analytics_csv",
        ),
    ]


class SearchAnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_is_editor(request.user)


@hooks.register("register_reports_menu_item")
def register_search_analytics_menu_item():
    return SearchAnalyticsMenuItem(
        _("Suchstatistik"),
        reverse("search_analytics_report"),
        name="search-analytics",
        icon_name="search",
        order=910,
    )
