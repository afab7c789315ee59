"""Production: secrets and hosts from the environment, hardened defaults, JSON logs."""

from cms.env import env_bool, env_database, env_int, env_list, env_str
from cms.observability import logging_config

from .base import *  # noqa: F403
from .base import LOG_LEVEL, VAR_DIR

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
SPRACHROHR_DEMO_USERS_ALLOWED = env_bool("SPRACHROHR_DEMO_USERS_ALLOWED", False)
# Each web worker keeps its database connection for a minute (health-checked before reuse)
# instead of opening one per request: connecting cost 2–3 ms of every API answer on loopback.
DATABASES = {
    "default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=60)
}

# HTTPS everywhere; the reverse proxy terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOG_ACCESS = True
LOGGING = logging_config(log_format=LOG_FORMAT, level=LOG_LEVEL, access=LOG_ACCESS)

SILENCED_SYSTEM_CHECKS = [
    # Wagtail's admin frames its own pages (preview, choosers): SAMEORIGIN, not DENY.
    "security.W019",
    # HSTS preload commits every subdomain of the association's domain for years; it is an
    # operator's decision, switched on with DJANGO_HSTS_PRELOAD=true.
    *(["security.W021"] if not SECURE_HSTS_PRELOAD else []),
]
