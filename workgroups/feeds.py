"""Atom feeds of public papers (Django syndication), by working group, tag or Regelungsvorhaben."""

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cms.api import problem_response
from workgroups.api.cache import cached_get
from workgroups.api.filters import PaperFeedQuery
from workgroups.selectors import paper_list, public_scope

FEED_LENGTH = 50


class PaperFeed(Feed):
    """The newest public papers (withdrawn ones left out)."""

    feed_type = Atom1Feed

    def __init__(
        self,
        *,
        working_group: str | None = None,
        tags: list[str] | None = None,
        regulatory_project: str | None = None,
    ):
        super().__init__()
        self.working_group = working_group
        self.tags = tags or []
        self.regulatory_project = regulatory_project

    def title(self):
        parts = [_("Positionspapiere – %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}]
        if self.working_group:
            parts.append(_("Arbeitskreis %(slug)s") % {"slug": self.working_group})
        if self.tags:
            parts.append(_("Schlagworte: %(tags)s") % {"tags": ", ".join(self.tags)})
        if self.regulatory_project:
            parts.append(_("Regelungsvorhaben %(slug)s") % {"slug": self.regulatory_project})
        return " · ".join(parts)

    def subtitle(self):
        return _("Neue und aktualisierte Veröffentlichungen der Arbeitskreise.")

    def link(self):
        return f"{settings.FRONTEND_URL}/"

    def items(self):
        scope = public_scope()
        return list(
            paper_list(
                scope=scope,
                working_group=self.working_group,
                tags=self.tags,
                regulatory_project=self.regulatory_project,
            )[:FEED_LENGTH]
        )

    def item_title(self, paper):
        return paper.title

    def item_description(self, paper):
        return paper.summary

    def item_link(self, paper):
        return f"{settings.FRONTEND_URL}{paper.frontend_url}"

    def item_guid(self, paper):
        return f"{settings.FRONTEND_URL}{paper.frontend_url}"

    def item_pubdate(self, paper):
        return timezone.make_aware(dt.datetime.combine(paper.publication_date, dt.time(9)))

    def item_updateddate(self, paper):
        return paper.last_published_at or self.item_pubdate(paper)

    def item_author_name(self, paper):
        return paper.lead_group_name

    def item_categories(self, paper):
        return sorted((item.tag.name for item in paper.tagged_items.all()), key=str.lower)


@require_safe
def papers_feed(request):
    """``/feeds/papers.atom?working_group=…&tag=…&regulatory_project=…``: bad or unknown → 400."""
    query = PaperFeedQuery(
        data={
            **{key: request.GET.get(key) for key in request.GET if key != "tag"},
            **({"tag": request.GET.getlist("tag")} if "tag" in request.GET else {}),
        }
    )
    unknown = sorted(set(request.GET) - set(query.fields))
    if unknown:
        return problem_response(
            request,
            400,
            _("Unbekannte Parameter: %(names)s.") % {"names": ", ".join(unknown)},
            code="ungueltiger-parameter",
        )
    if not query.is_valid():
        return problem_response(
            request,
            400,
            _("Ungültige Parameter: %(names)s.") % {"names": ", ".join(sorted(query.errors))},
            code="ungueltiger-parameter",
        )
    feed = PaperFeed(
        working_group=query.validated_data.get("working_group"),
        tags=query.validated_data.get("tag"),
        regulatory_project=query.validated_data.get("regulatory_project"),
    )
    return cached_get(request, lambda: feed(request))
