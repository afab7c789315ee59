"""The one place that reads configuration from the environment (12-factor)."""

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nein", ""}


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"Environment variable {name} must be set.")
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"Environment variable {name} must be a boolean, got {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"Environment variable {name} must be an integer.") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_database(name: str, default: str, *, conn_max_age: int = 0) -> dict:
    """Parse a DATABASE_URL; SQLite is the embedded default.

    ``conn_max_age``: seconds a process keeps its connection (DATABASE_CONN_MAX_AGE wins).
    """
    url = env_str(name, default)
    config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", conn_max_age))
    if config["ENGINE"] == "django.db.backends.postgresql":
        # Health-check pooled connections so a restarted PostgreSQL is survived without
        # restarting the app.
        config["CONN_HEALTH_CHECKS"] = True
    elif config["ENGINE"] == "django.db.backends.sqlite3":
        if config["NAME"] and config["NAME"] != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(config["NAME"])), exist_ok=True)
        # Web server, task worker and scheduler share the file: WAL plus immediate
        # transactions and a busy timeout avoid "database is locked" errors.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


def cache_from_url(url: str, *, max_entries: int) -> dict:
    """A CACHES entry from a URL.

    db://table (default), locmem://name (one process only: tests), file:///dir,
    redis://host:port/db (needs the `redis` package), memcached://host:port (pymemcache).
    """
    scheme, _sep, rest = url.partition("://")
    backends = {
        "db": ("django.core.cache.backends.db.DatabaseCache", rest or "sprachrohr_cache"),
        "locmem": ("django.core.cache.backends.locmem.LocMemCache", rest or "sprachrohr"),
        "file": ("django.core.cache.backends.filebased.FileBasedCache", rest),
        "redis": ("django.core.cache.backends.redis.RedisCache", url),
        "rediss": ("django.core.cache.backends.redis.RedisCache", url),
        "memcached": ("django.core.cache.backends.memcached.PyMemcacheCache", rest),
    }
    if scheme not in backends:
        raise ImproperlyConfigured(f"CACHE_URL: unknown scheme {scheme!r}.")
    backend, location = backends[scheme]
    config = {"BACKEND": backend, "LOCATION": location}
    if scheme in ("db", "locmem", "file"):
        config["OPTIONS"] = {"MAX_ENTRIES": max_entries}
    return config


def secret_from_file(path: Path) -> str:
    """This installation's own secret key, generated into ``path`` on first use (mode 0600).

    Several processes may start at once (web server, worker, scheduler): the key is written
    to a temporary file and linked into place, so every process reads the one complete key.
    """
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secret-")
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
        # Another process linked its key first: that one counts.
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        os.unlink(tmp)
    return path.read_text().strip()
