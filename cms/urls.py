"""URL configuration: admin, documents, and the headless page tree."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import problem_response
from cms.health import healthz, readyz
from workgroups.feeds import papers_feed

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("api/v1/", include("cms.api_urls")),
    path("feeds/papers.atom", papers_feed, name="feed-papers"),
    path("django-admin/", admin.site.urls),
    # Admin views that apply the working groups' visibility policy (same paths, first).
    path("admin/", include("workgroups.access.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]


def handler404(request, exception=None):
    if request.path.startswith("/api/"):
        return problem_response(
            request, 404, "Diese Adresse gibt es in der API nicht.", code="nicht-gefunden"
        )
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def handler500(request):
    if request.path.startswith("/api/"):
        return problem_response(
            request, 500, "Ein interner Fehler ist aufgetreten.", code="interner-fehler"
        )
    from django.views.defaults import server_error

    return server_error(request)
