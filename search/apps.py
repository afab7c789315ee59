"""App config for the public search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    # Publish-side signals reach the index through workgroups/receivers.py (one subscriber).
    name = "search"
    verbose_name = _("Öffentliche Suche")
