"""Wagtail's users app, configured with the member listing (replaces ``wagtail.users``)."""

from wagtail.users.apps import WagtailUsersAppConfig


class MemberUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with the member company and working groups in its listing."""

    user_viewset = "membership.users.MemberUserViewSet"
