"""Benchmark settings: production-like (DEBUG off, shared database cache) plus stock Wagtail API v2."""

from cms.env import env_str
from cms.observability import logging_config

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, LOG_FORMAT

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "bench-only-secret-key")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Stock Wagtail API v2 at /api/v2/, for comparison only: never enabled outside benchmarks.
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]
ROOT_URLCONF = "bench.api_urls"
WAGTAILAPI_BASE_URL = "http://127.0.0.1"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The throttle stays on (same cost for both APIs) but must not cut a benchmark short.
THROTTLE_ANON_RATE = env_str("API_ANON_RATE", "100000000/min")
LOGGING = logging_config(log_format=LOG_FORMAT, level="WARNING", access=False)
