"""Settings come from the environment; German and SQLite are the embedded defaults."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cms.env import env_bool, env_database


def test_german_defaults():
    assert settings.LANGUAGE_CODE == "de"
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert ("en", "English") in settings.WAGTAILADMIN_PERMITTED_LANGUAGES


def test_database_url_switches_engine(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://app:secret@db.example:5433/sprachrohr")
    config = env_database("DATABASE_URL", "sqlite:///x.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "sprachrohr")
    assert config["CONN_HEALTH_CHECKS"] is True
    monkeypatch.delenv("DATABASE_URL")
    assert (
        env_database("DATABASE_URL", "sqlite:///x.sqlite3")["ENGINE"]
        == "django.db.backends.sqlite3"
    )


def test_booleans_are_strict(monkeypatch):
    monkeypatch.setenv("FLAG", "ja")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "vielleicht")
    with pytest.raises(ImproperlyConfigured):
        env_bool("FLAG")


def test_admin_search_stays_on_the_database_backend():
    assert (
        settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "wagtail.search.backends.database"
    )
