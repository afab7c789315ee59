"""Settings come from the environment, grouped by concern; German and SQLite are the defaults."""

import ast
import os
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cms.env import env_bool, env_database, secret_from_file


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


def _setting_in_subprocess(expression: str, env: dict) -> str:
    """``expression`` printed by a fresh Python process whose settings come from ``env``."""
    result = subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; print({expression})"],
        cwd=SETTINGS_DIR.parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_keeps_database_connections_unless_told_otherwise(tmp_path, monkeypatch):
    def conn_max_age(**extra) -> int:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **extra}
        env.update(
            SPRACHROHR_VAR_DIR=str(tmp_path),
            DATABASE_URL="postgres://app:secret@db.example:5433/sprachrohr",
            DJANGO_SECRET_KEY="x" * 50,
            DJANGO_ALLOWED_HOSTS="verband.example",
        )
        if not extra:
            env.pop("DATABASE_CONN_MAX_AGE", None)
        return int(_setting_in_subprocess("settings.DATABASES['default']['CONN_MAX_AGE']", env))

    # A web worker reuses its connection instead of opening one per request ...
    assert conn_max_age() == 60
    # ... unless the operator says otherwise; outside production a request opens its own.
    assert conn_max_age(DATABASE_CONN_MAX_AGE="0") == 0
    monkeypatch.delenv("DATABASE_CONN_MAX_AGE", raising=False)
    assert env_database("DATABASE_URL", "sqlite:///x.sqlite3")["CONN_MAX_AGE"] == 0


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


SETTINGS_DIR = Path(__file__).resolve().parents[2] / "cms" / "settings"


def _assigned_settings(tree: ast.Module) -> list[str]:
    return [
        target.id
        for node in tree.body
        for target in getattr(node, "targets", [getattr(node, "target", None)])
        if isinstance(target, ast.Name) and target.id.isupper()
    ]


def test_base_defines_every_setting_once():
    names = _assigned_settings(ast.parse((SETTINGS_DIR / "base.py").read_text()))
    assert len(names) > 100
    assert sorted({n for n in names if names.count(n) > 1}) == []


@pytest.mark.parametrize("module", ["base", "dev", "test", "production", "bench"])
def test_settings_modules_never_patch_a_setting_in_place(module):
    # Environments override whole settings; no `LOGGING["root"]["level"] = …` after the fact.
    tree = ast.parse((SETTINGS_DIR / f"{module}.py").read_text())
    patched = [
        ast.unparse(target)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign | ast.AugAssign)
        for target in getattr(node, "targets", [getattr(node, "target", None)])
        if isinstance(target, ast.Subscript | ast.Attribute)
    ]
    mutating = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"update", "append", "extend", "insert", "setdefault"}
    ]
    assert patched == [] and mutating == []


def test_an_installation_without_secret_key_generates_and_keeps_its_own(tmp_path):
    def secret_key() -> str:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
        env.update(SPRACHROHR_VAR_DIR=str(tmp_path), DATABASE_URL="sqlite:///:memory:")
        env.pop("DJANGO_SECRET_KEY", None)
        return _setting_in_subprocess("settings.SECRET_KEY", env)

    first = secret_key()
    assert len(first) >= 50 and "unsafe" not in first
    assert secret_key() == first
    stored = tmp_path / "secret_key"
    assert stored.read_text().strip() == first
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    # Another installation has another key.
    assert secret_from_file(tmp_path / "other" / "secret_key") != first


def test_concurrent_first_starts_agree_on_one_secret(tmp_path):
    path = tmp_path / "secret_key"
    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = set(pool.map(lambda _i: secret_from_file(path), range(32)))
    assert keys == {path.read_text().strip()}
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]


def test_trusted_proxy_count_keeps_the_former_variable_name():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "AXES_PROXY_COUNT": "2"}
    env.pop("TRUSTED_PROXY_COUNT", None)
    code = "from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT)"
    run = [sys.executable, "-c", code]
    root = SETTINGS_DIR.parents[1]
    assert subprocess.run(run, env=env, cwd=root, capture_output=True, text=True).stdout == "2\n"
    env["TRUSTED_PROXY_COUNT"] = "1"
    assert subprocess.run(run, env=env, cwd=root, capture_output=True, text=True).stdout == "1\n"


def test_the_generated_secret_is_not_committed():
    result = subprocess.run(
        ["git", "check-ignore", "--quiet", "var/secret_key"], cwd=SETTINGS_DIR.parents[1]
    )
    assert result.returncode == 0
