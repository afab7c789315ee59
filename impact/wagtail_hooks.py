"""Admin wiring of impact: the editors' view per paper and its button on the paper."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from impact.views import DemandImpactEditView, may_record_impact
from workgroups.models import PositionPaperPage


@hooks.register("register_admin_urls")
def register_impact_urls():
    return [path("impact/<int:page_id>/", DemandImpactEditView.as_view(), name="impact_edit")]


@hooks.register("register_page_header_buttons")
def impact_header_button(page, user, view_name, next_url=None):
    if page.live and page.specific_class is PositionPaperPage and may_record_impact(user):
        yield Button(
            _("Was wurde daraus?"),
            reverse("impact_edit", args=[page.pk]),
            icon_name="tick",
            priority=80,
        )
