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

        # Members edit their groups' pages: the forms offer and accept only pages and
        # documents they may see (set here, as the form depends on the models).
        from workgroups.access.forms import ScopedPageForm
        from workgroups.models import (
            MinutesIndexPage,
            MinutesPage,
            PositionPaperPage,
            WorkingGroupPage,
        )

        for model in (WorkingGroupPage, PositionPaperPage, MinutesIndexPage, MinutesPage):
            model.base_form_class = ScopedPageForm
