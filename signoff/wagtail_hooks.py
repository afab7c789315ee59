"""Admin wiring of the sign-off: its views, a menu entry for contacts, editors' buttons on papers."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from signoff import urls
from signoff.models import SignoffTaskState
from workgroups.models import PositionPaperPage


@hooks.register("register_admin_urls")
def signoff_admin_urls():
    return [path("mitzeichnung/", include(urls, namespace="signoff"))]


class ContactMenuItem(MenuItem):
    """Shown to the designated contacts of member companies only."""

    def is_shown(self, request):
        return SignoffTaskState.organisation_id_of(request.user) is not None


@hooks.register("register_admin_menu_item")
def signoff_menu_item():
    return ContactMenuItem(_("Mitzeichnung"), reverse("signoff:open"), icon_name="tasks", order=250)


@hooks.register("register_page_header_buttons")
def paper_signoff_buttons(page, user, view_name=None, next_url=None):
    if not isinstance(page.specific_deferred, PositionPaperPage):
        return []
    if not page.permissions_for_user(user).can_publish():
        return []
    return [
        Button(
            _("Mitzeichnung: Antworten"),
            reverse("signoff:paper", args=[page.pk]),
            icon_name="tasks",
            priority=80,
        ),
        Button(
            _("Versand erfassen"),
            reverse("signoff:dispatches", args=[page.pk]),
            icon_name="mail",
            priority=81,
        ),
    ]
