"""App config for the public search."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    # Publish-side signals reach the index through workgroups/receivers.py (one subscriber).
    name = "search"
    verbose_name = _("Öffentliche Suche")

    def ready(self):
        # The overlap check joins the paper's editor from here: the page model does not
        # import the search (which reads the page models).
        from search.panels import SimilarPapersPanel
        from workgroups.models import PositionPaperPage

        PositionPaperPage.content_panels = [*PositionPaperPage.content_panels, SimilarPapersPanel()]
