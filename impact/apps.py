"""App config for the recorded outcome of demands."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "impact"
    verbose_name = _("Wirkung")
    default_auto_field = "django.db.models.BigAutoField"
