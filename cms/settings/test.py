"""Test settings: fast hashing, locmem email/cache, immediate tasks unless a test opts in."""

import atexit
import shutil
import tempfile
from pathlib import Path

from cms.observability import logging_config

from .base import *  # noqa: F403
from .base import LOG_FORMAT, TASK_QUEUES

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,
    }
}
# Rendering a PDF takes a second: only tests of printing/ switch it on.
PRINTING_ON_PUBLISH = False
WAGTAILADMIN_BASE_URL = "http://testserver"
PUBLIC_BACKEND_URL = "http://testserver"
LOGGING = logging_config(log_format=LOG_FORMAT, level="WARNING", access=False)
# Login throttling is exercised by its own test; elsewhere force_login/login must not trip it.
AXES_ENABLED = False
# Uploaded files of a test run go to a throwaway directory, not the developer's var/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="sprachrohr-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
# One process per test run: a local-memory cache (production shares a database cache).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
FRONTEND_REVALIDATE_SECRET = ""
