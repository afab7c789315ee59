"""The editor's panel "Ähnliche Positionen anderer Arbeitskreise" (search/similar.py)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from search.similar import similar_papers


class SimilarPapersPanel(Panel):
    """Published papers of other groups like this draft, so groups do not contradict unknowingly."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Ähnliche Positionen anderer Arbeitskreise"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "similar_papers"

    class BoundPanel(Panel.BoundPanel):
        template_name = "search/panels/similar_papers.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # Only public papers of other groups appear: nothing here is new to anyone.
            saved = self.instance is not None and self.instance.pk is not None
            context["similar"] = similar_papers(page=self.instance) if saved else None
            context["frontend_url"] = settings.FRONTEND_URL
            return context
