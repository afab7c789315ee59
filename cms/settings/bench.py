"""Benchmark settings: production-like (DEBUG off, shared database cache) plus stock Wagtail API v2."""

from cms.env import env_str

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, LOGGING, REST_FRAMEWORK, STORAGES

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "bench-only-secret-key")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Stock Wagtail API v2 at /api/v2/, for comparison only: never enabled outside benchmarks.
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]
ROOT_URLCONF = "bench.api_urls"
WAGTAILAPI_BASE_URL = "http://127.0.0.1"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# The throttle stays on (same cost for both APIs) but must not cut a benchmark short.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("API_ANON_RATE", "100000000/min")},
    # Wagtail API v2 checks view restrictions against request.user, which must exist.
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
LOGGING["root"]["level"] = "WARNING"
