"""Benchmark URLs: the project's URLs plus stock Wagtail API v2 at /api/v2/ (bench only)."""

from django.urls import path

from bench.api_wagtail_v2 import api_router
from cms.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("api/v2/", api_router.urls), *project_urlpatterns]
