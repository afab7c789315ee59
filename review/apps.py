"""App config for the joint review of papers by their authoring working groups."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = _("Prüfung durch die Arbeitskreise")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from review import receivers

        receivers.connect()

        # Listed after workgroups in INSTALLED_APPS, so this replaces the ScopedPageForm
        # workgroups sets (PaperPageForm extends it with the co-author rules).
        from review.forms import PaperPageForm
        from workgroups.models import PositionPaperPage

        PositionPaperPage.base_form_class = PaperPageForm
