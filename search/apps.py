"""App config for the public search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Öffentliche Suche")

    def ready(self):
        from search import receivers  # noqa: F401 - connects the publish-side receivers
