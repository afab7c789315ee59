"""The editors' report "Suchstatistik" in the admin and its CSV export."""

import csv
import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search.analytics.selectors import week_report, weeks_recorded
from search.analytics.services import week_of
from workgroups.access.policy import user_is_editor


def _week(request) -> dt.date:
    # ?woche=YYYY-MM-DD (any day of it); anything else means the current week.
    try:
        return week_of(dt.date.fromisoformat(request.GET.get("woche", "")))
    except ValueError:
        return week_of(timezone.localdate())


class EditorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        # The queries people type can name anything; only the Redaktion reads them.
        if not user_is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SearchAnalyticsReportView(EditorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Suchstatistik")
    header_icon = "search"
    template_name = "search_analytics/report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        week = _week(self.request)
        weeks = weeks_recorded()
        if week not in weeks:
            weeks = sorted({week, *weeks}, reverse=True)
        context.update(
            report=week_report(week=week),
            weeks=[(day, day + dt.timedelta(days=6)) for day in weeks],
            week_end=week + dt.timedelta(days=6),
        )
        return context


def search_analytics_csv(request):
    """All of one week's rows as CSV (semicolons, as German spreadsheets expect)."""
    if not user_is_editor(request.user):
        raise PermissionDenied
    report = week_report(week=_week(request), limit=None)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="suchstatistik-{report.week.isoformat()}.csv"'
    )
    # A byte order mark, so spreadsheet programs read the umlauts as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Woche"), _("Art"), _("Suchanfrage"), _("Positionspapier"), _("Anzahl")])
    week = report.week.isoformat()
    for row in report.top_queries:
        writer.writerow([week, _("Suchen"), row["query"], "", row["searches"]])
    for row in report.zero_result_queries:
        writer.writerow([week, _("ohne Treffer"), row["query"], "", row["zero_results"]])
    for row in report.clicked_results:
        writer.writerow([week, _("geöffnet"), row["query"], row["paper"], row["clicks"]])
    return response
