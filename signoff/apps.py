"""App config of the sign-off, dispatch and Lobbyregister app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignoffConfig(AppConfig):
    """Mitzeichnung, Versand und Lobbyregister."""

    name = "signoff"
    verbose_name = _("Mitzeichnung und Versand")

    def ready(self):
        from signoff import receivers  # noqa: F401
