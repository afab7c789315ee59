"""The editors' admin view: record what became of each demand of a published paper."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from impact.forms import DemandImpactForm
from impact.models import DemandImpact
from impact.selectors import demand_blocks, impacts_for_paper
from impact.services import demand_impact_record
from workgroups.access.policy import admin_scope
from workgroups.models import PositionPaperPage


def may_record_impact(user) -> bool:
    """Only editors (and superusers) record outcomes."""
    return user.is_authenticated and admin_scope(user).everything


class DemandImpactEditView(WagtailAdminTemplateMixin, TemplateView):
    """One form per demand of the paper's published version; saving creates no revision."""

    template_name = "impact/edit.html"
    page_title = gettext_lazy("Was wurde daraus?")
    header_icon = "tick"

    def dispatch(self, request, *args, **kwargs):
        if not may_record_impact(request.user):
            raise PermissionDenied
        self.paper = get_object_or_404(PositionPaperPage, pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.paper.title

    def get_forms(self, data=None) -> list[tuple[dict, DemandImpactForm]]:
        # A paper's row holds its published content while it is live (drafts live in
        # revisions), so its demand blocks are the published ones.
        if not self.paper.live:
            return []
        recorded = impacts_for_paper(paper=self.paper)
        return [
            (
                block,
                DemandImpactForm(
                    data,
                    prefix=block["id"],
                    instance=recorded.get(block["id"]) or DemandImpact(status="open"),
                ),
            )
            for block in demand_blocks(self.paper)
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "paper": self.paper,
            "forms": kwargs.get("forms") or self.get_forms(),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[self.paper.pk]),
        }

    def post(self, request, *args, **kwargs):
        forms = self.get_forms(request.POST)
        if not forms or not all(form.is_valid() for _block, form in forms):
            messages.error(
                request, _("Bitte die markierten Angaben prüfen; nichts wurde gespeichert.")
            )
            return self.render_to_response(self.get_context_data(forms=forms))
        with transaction.atomic():
            for block, form in forms:
                if form.instance.pk is None and not form.has_changed():
                    continue  # nothing recorded and nothing entered: stays open without a row
                demand_impact_record(
                    paper=self.paper, block_id=block["id"], user=request.user, **form.cleaned_data
                )
        messages.success(request, _("Die Ergebnisse der Forderungen sind gespeichert."))
        return redirect("impact_edit", page_id=self.paper.pk)
