"""Admin wiring of share links: their URLs and a button on papers for those who may share."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from sharing import urls
from sharing.selectors import share_link_can_manage
from workgroups.models import PositionPaperPage


@hooks.register("register_admin_urls")
def sharing_admin_urls():
    return [path("sharing/", include(urls, namespace="sharing_admin"))]


@hooks.register("register_page_header_buttons")
def share_links_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, PositionPaperPage) and share_link_can_manage(
        user=user, paper=page.specific_deferred
    ):
        yield Button(
            _("Vertrauliche Links"),
            reverse("sharing_admin:paper", args=[page.pk]),
            icon_name="link",
            priority=62,
        )
