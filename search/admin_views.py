"""Admin report for editors: index updates that were given up, with a button to try again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from search.models import IndexUpdate
from search.outbox import index_updates_replay, index_updates_summary
from search.tasks import index_drain_request
from workgroups.services.roles import EDITORS_GROUP_NAME

REPLAY_COMMAND = "python manage.py search_index replay"


def may_see_index_updates(user) -> bool:
    """Editors and superusers: the list names pages of every working group, drafts included."""
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=EDITORS_GROUP_NAME).exists()
    )


class IndexUpdateReportView(ReportView):
    """Failed index updates: which page, which search backend, how often, the last error."""

    page_title = _("Suchindex: fehlgeschlagene Aktualisierungen")
    header_icon = "warning"
    index_url_name = "search_index_updates"
    index_results_url_name = "search_index_updates_results"
    results_template_name = "search/index_updates_results.html"
    no_results_message = _("Keine fehlgeschlagenen Aktualisierungen.")
    model = IndexUpdate
    columns = [
        Column("page_title", label=_("Seite")),
        Column("backend", label=_("Suchbackend")),
        NumberColumn("attempts", label=_("Versuche")),
        Column("last_error", label=_("Letzter Fehler")),
        DateColumn("updated_at", label=_("Zuletzt versucht")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_index_updates(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return IndexUpdate.objects.filter(state=IndexUpdate.State.FAILED).order_by("-updated_at")

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        titles = dict(
            Page.objects.filter(pk__in=[row.page_id for row in rows]).values_list("pk", "title")
        )
        for row in rows:
            title = titles.get(row.page_id)
            row.page_title = (
                f"{title} (#{row.page_id})" if title else _("gelöschte Seite #%d") % (row.page_id)
            )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = index_updates_summary()
        context["replay_command"] = REPLAY_COMMAND
        return context


@require_POST
def index_updates_replay_view(request):
    """Give every failed update a fresh start; the worker takes them at once."""
    if not may_see_index_updates(request.user):
        raise PermissionDenied
    revived = index_updates_replay()
    index_drain_request()
    messages.success(
        request,
        _("%(count)d Aktualisierung(en) werden erneut versucht.") % {"count": revived},
    )
    return redirect("search_index_updates")
