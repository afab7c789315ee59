"""App config for the generated PDF versions of papers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrintingConfig(AppConfig):
    name = "printing"
    verbose_name = _("PDF-Fassungen")
    default_auto_field = "django.db.models.BigAutoField"
