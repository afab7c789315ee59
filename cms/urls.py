"""URL configuration: admin, documents, and the headless page tree."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_not_found
from cms.health import healthz, readyz
from workgroups.feeds import papers_feed
from workspace.feeds import deadlines_feed

# Error answers under /api/ are problem+json (cms.middleware.ApiProblemMiddleware), so
# Django's default error handlers serve everywhere.
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("api/v1/", include("cms.api_urls")),
    # Whatever else is asked under /api/ is not a page of the site.
    re_path(r"^api/", api_not_found),
    path("feeds/papers.atom", papers_feed, name="feed-papers"),
    path("feeds/deadlines.ics", deadlines_feed, name="feed-deadlines"),
    path("", include("membership.urls")),
    path("django-admin/", admin.site.urls),
    # Admin views that apply the working groups' visibility policy (same paths, first).
    path("admin/", include("workgroups.access.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Generated PDFs of papers (printing/): Django serves them while the paper is public.
    path("documents/papers/", include("printing.urls")),
    path("documents/", include(wagtaildocs_urls)),
]


def debug_media_urlpatterns() -> list:
    """Images and renditions from MEDIA_ROOT when DEBUG (the demo), like Caddy in production.

    Documents are never served from /media/: only /documents/… checks collection view
    restrictions (working-group minutes).
    """
    return [
        pattern
        for folder in ("images", "original_images")
        for pattern in static(
            f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder
        )
    ]


urlpatterns += debug_media_urlpatterns()
urlpatterns += [path("", include(wagtail_urls))]
