"""App config for working groups and their papers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Arbeitskreise und Positionen")

    def ready(self):
        # Publish-side signals keep the API cache and the frontend fresh.
        from workgroups import receivers

        receivers.connect(self)
