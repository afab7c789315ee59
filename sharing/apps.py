"""App configuration of the share links."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    """Confidential share links to draft papers."""

    name = "sharing"
    verbose_name = _("Vertrauliche Links")
    default_auto_field = "django.db.models.BigAutoField"
