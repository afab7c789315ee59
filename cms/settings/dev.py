"""Local development: debug on, console email, everything else from base."""

from .base import *  # noqa: F403

DEBUG = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
