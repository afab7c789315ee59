"""Admin views of a paper's share links: list, create (token shown once), revoke."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sharing.forms import ShareLinkForm
from sharing.models import ShareLink
from sharing.selectors import (
    share_link_can_manage,
    share_link_list,
    share_link_state,
    share_link_url,
)
from sharing.services import share_link_create, share_link_revoke
from workgroups.models import PositionPaperPage

STATE_LABELS = {
    "active": gettext_lazy("aktiv"),
    "expired": gettext_lazy("abgelaufen"),
    "revoked": gettext_lazy("zurückgezogen"),
}


class PaperShareLinksView(WagtailAdminTemplateMixin, View):
    """A paper's share links and the form for a new one."""

    template_name = "sharing/paper_share_links.html"
    page_title = gettext_lazy("Vertrauliche Links")
    header_icon = "link"

    def dispatch(self, request, page_id: int):
        self.paper = get_object_or_404(PositionPaperPage, pk=page_id)
        if not share_link_can_manage(user=request.user, paper=self.paper):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.paper.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.paper.pk]),
                "label": self.paper.get_admin_display_title(),
            },
            {"url": "", "label": str(self.page_title)},
        ]

    def get(self, request, page_id: int):
        return self.render(ShareLinkForm())

    def post(self, request, page_id: int):
        form = ShareLinkForm(request.POST)
        new_url = None
        if form.is_valid():
            try:
                link, token = share_link_create(
                    paper=self.paper, user=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                new_url = share_link_url(token=token)
                messages.success(
                    request,
                    _("Link für %(name)s angelegt. Er wird nur jetzt angezeigt.")
                    % {"name": link.recipient_name},
                )
                form = ShareLinkForm()
        return self.render(form, new_url=new_url)

    def render(self, form, *, new_url=None):
        links = list(share_link_list(paper=self.paper))
        for link in links:
            state = share_link_state(link)
            link.state_label = STATE_LABELS[state]
            link.is_active = state == "active"
        context = self.get_context_data(form=form, links=links, new_url=new_url, paper=self.paper)
        return self.render_to_response(context)


@require_POST
def share_link_revoke_view(request, link_id: int):
    """Withdraw a link, back to the paper's list."""
    link = get_object_or_404(ShareLink.objects.select_related("paper"), pk=link_id)
    share_link_revoke(link=link, user=request.user)
    messages.success(
        request, _("Der Link für %(name)s wurde zurückgezogen.") % {"name": link.recipient_name}
    )
    return redirect("sharing_admin:paper", page_id=link.paper_id)
