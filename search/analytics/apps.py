"""App config of the search statistics."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchAnalyticsConfig(AppConfig):
    name = "search.analytics"
    label = "search_analytics"
    verbose_name = _("Suchstatistik")
