"""The site's home page and the headless base every public page type builds on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin


class HeadlessPage(HeadlessMixin, Page):
    """A page rendered by the separate frontend: preview, "view live" and full URLs go there."""

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        # The page's public address is the frontend's (FRONTEND_URL), not the Site record's
        # host: Wagtail's notification e-mails link `page.full_url` ("view the page here").
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, _site_root_url, page_path = parts
        return site_id, settings.FRONTEND_URL, page_path


class HomePage(HeadlessPage):
    """The root page of the association's site."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        help_text=_("Kurzer Text über den Verband für die Startseite."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["workgroups.WorkingGroupIndexPage", "workgroups.EventIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")


class RequestCounter(models.Model):
    """Requests of one client in its current throttle window (when the cache cannot count)."""

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    window_ends = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("Anfragezähler")
        verbose_name_plural = _("Anfragezähler")

    def __str__(self):
        return f"{self.key}: {self.count}"
