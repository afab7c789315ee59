"""Mounts the read API under /api/v1/: domain APIs, search, OpenAPI schema and docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

urlpatterns = [
    path("", include("workgroups.api.urls")),
    path("", include("search.api.urls")),
    path("", include("impact.api.urls")),
    path("", include("alerts.api.urls")),
    path("", include("signoff.api.urls")),
    path("", include("sharing.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
]
