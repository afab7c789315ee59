"""Admin wiring of the membership app: minutes, members, the private calendar, menu items."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from membership import views
from membership.selectors import working_groups_of


@hooks.register("register_admin_urls")
def register_membership_urls():
    return [
        path("protokolle/", views.minutes_index, name="membership_minutes"),
        path("protokolle/<int:pk>/", views.minutes_detail, name="membership_minutes_detail"),
        path("mitglieder/", views.members_index, name="membership_members"),
        path(
            "mitglieder/<int:group_id>/",
            views.group_members,
            name="membership_group_members",
        ),
        path("kalender/", views.calendar_settings, name="membership_calendar"),
    ]


class GroupMenuItem(MenuItem):
    """Shown to people who belong to a working group (and to editors)."""

    def is_shown(self, request):
        return working_groups_of(user=request.user).exists()


@hooks.register("register_admin_menu_item")
def register_minutes_menu_item():
    return GroupMenuItem(
        _("Protokolle"), reverse("membership_minutes"), icon_name="doc-full", order=170
    )


@hooks.register("register_admin_menu_item")
def register_members_menu_item():
    return GroupMenuItem(
        _("Mitglieder"), reverse("membership_members"), icon_name="group", order=175
    )


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return MenuItem(_("Mein Kalender"), reverse("membership_calendar"), icon_name="date", order=180)
