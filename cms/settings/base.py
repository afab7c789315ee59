"""Base settings: every setting lives here; environments only override."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from cms.env import env_bool, env_database, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("SPRACHROHR_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "unsafe-local-development-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "cms",
    "workgroups",
    "search",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_headless_preview",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "cms.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the outcome of every authentication attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite is the embedded default; DATABASE_URL=postgres://… switches engines.
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German first, English available.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# CACHES: shared by every process, defined in the API block below (CACHE_URL).

# Email: console in development, SMTP via environment in production, locmem in tests.
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Sprachrohr <redaktion@sprachrohr.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = env_str("SPRACHROHR_SITE_NAME", "Cluster IT Mitteldeutschland")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods", "pptx", "txt", "csv", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents go through Django so collection view restrictions (minutes) are enforced.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Only editors move files between collections or replace public ones (workgroups/access).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "workgroups.access.documents.WorkingGroupDocumentForm"

# Wagtail's own search (admin) stays on the database backend; search/ owns the public
# Elasticsearch index so content is not indexed twice by two mechanisms.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Public frontend (Next.js) and headless preview.
FRONTEND_URL = env_str("FRONTEND_URL", "http://127.0.0.1:3000").rstrip("/")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": f"{FRONTEND_URL}/api/preview"},
    "SERVE_BASE_URL": FRONTEND_URL,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}

# Durable background tasks (index updates, notifications) in the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Elasticsearch (public search); unset means Wagtail's database search is used.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
# Physical indices are named <prefix>-<document>-<version>; the alias is <prefix>-<document>.
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "sprachrohr")

# --- Public search (search/, issue 4) ---
# The database index (search.SearchDocument on Wagtail's database backend) is kept in step
# even when Elasticsearch is configured, so searches fall back to it while Elasticsearch
# is unreachable (a 503 problem otherwise).
SEARCH_DATABASE_FALLBACK = env_bool("SEARCH_DATABASE_FALLBACK", True)
# Wagtail's database backend on PostgreSQL uses the German text search configuration (the
# admin search and the public database index alike; SQLite FTS5 has no configuration).
WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "german"
# Seconds per Elasticsearch request from the web process: a hung node must not hang the API.
SEARCH_ES_TIMEOUT = env_int("SEARCH_ES_TIMEOUT", 3)
# Seconds per request from the task worker and `search_index` (bulk requests take longer).
SEARCH_ES_INDEXING_TIMEOUT = env_int("SEARCH_ES_INDEXING_TIMEOUT", 30)
SEARCH_ES_REPLICAS = env_int("SEARCH_ES_REPLICAS", 0)
# German analysis chain: "auto" picks "full" when every node has the analysis-common
# module (official image), else "core" (hunspell; the integ-test node of the test suite).
SEARCH_ES_ANALYSIS_CHAIN = env_str("SEARCH_ES_ANALYSIS_CHAIN", "auto")
# Full chain only: a word list on the Elasticsearch node (path relative to its config
# directory) for the dictionary decompounder; `search_index wordlist` writes one.
SEARCH_ES_DECOMPOUND_WORD_LIST = env_str("SEARCH_ES_DECOMPOUND_WORD_LIST", "")
# Refresh after each bulk request (tests). Otherwise the worker refreshes once per task,
# after its writes, and only then invalidates cached search answers (cms/versions.py).
SEARCH_ES_REFRESH = env_bool("SEARCH_ES_REFRESH", False)
# Server-side cache of search answers (s), keyed by the content version and the index
# generation (bumped after every index write); 0 turns it off.
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 300)
# Debian's hunspell-de-de word list for the Python compound splitter (search/analysis.py).
SEARCH_HUNSPELL_DIC = env_str("SEARCH_HUNSPELL_DIC", "/usr/share/hunspell/de_DE.dic")
SEARCH_CACHE_DIR = VAR_DIR / "cache"
# Index updates that cannot reach Elasticsearch are retried with backoff capped here (s).
SEARCH_RETRY_MAX_DELAY = env_int("SEARCH_RETRY_MAX_DELAY", 20)
# … and given up after this many failed attempts (about an hour at the cap): the update is
# then listed as failed (/readyz, admin report) until `search_index replay`.
SEARCH_RETRY_MAX_ATTEMPTS = env_int("SEARCH_RETRY_MAX_ATTEMPTS", 200)
# --- end of the search block ---

# Public read API (/api/v1): JSON only, problem+json errors, anonymous throttling.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "cms.api.StrictPageNumberPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "cms.api.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["cms.api.AnonymousRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("API_ANON_RATE", "600/min")},
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sprachrohr API",
    "DESCRIPTION": "Öffentliche Lese-API für Positionspapiere, Arbeitskreise, Veranstaltungen und Suche.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["cms.api.public_api_endpoints"],
}


# --- Public read API (/api/v1, issue 3): shared cache, response cache, revalidation, preview ---
def _cache_from_url(url: str) -> dict:
    """db://table (default), locmem://name (one process only: tests), file:///dir,
    redis://host:port/db (needs the `redis` package), memcached://host:port (pymemcache)."""
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
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"CACHE_URL: unknown scheme {scheme!r}.")
    backend, location = backends[scheme]
    config = {"BACKEND": backend, "LOCATION": location}
    if scheme in ("db", "locmem", "file"):
        config["OPTIONS"] = {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 20_000)}
    return config


# Caches are shared by every process (web workers, task worker): API responses, throttle
# counters and Wagtail's site cache must agree. Default: the database cache, whose table is
# created after every `migrate` (workgroups.receivers); tests use locmem.
CACHES = {"default": _cache_from_url(env_str("CACHE_URL", "db://sprachrohr_cache"))}
# Server-side API response cache: entries are keyed by a content version that every
# publish, unpublish, move, delete and privacy change replaces, so a publish is visible at
# once; the timeout only bounds time-dependent answers (upcoming events, open deadlines).
API_RESPONSE_CACHE_SECONDS = env_int("API_RESPONSE_CACHE_SECONDS", 300)
# What clients and proxies may cache (Cache-Control max-age); they revalidate with ETag.
API_CLIENT_MAX_AGE = env_int("API_CLIENT_MAX_AGE", 60)
# Absolute base of document (PDF) links in API answers: the public address of this backend.
PUBLIC_BACKEND_URL = env_str("PUBLIC_BACKEND_URL", WAGTAILADMIN_BASE_URL).rstrip("/")
# Headless preview tokens (signed by wagtail-headless-preview) are valid this long.
PREVIEW_TOKEN_MAX_AGE = env_int("PREVIEW_TOKEN_MAX_AGE", 30 * 60)
# On-demand revalidation of the frontend after publish-side changes; off without a secret.
FRONTEND_REVALIDATE_URL = env_str("FRONTEND_REVALIDATE_URL", f"{FRONTEND_URL}/api/revalidate")
FRONTEND_REVALIDATE_SECRET = env_str("FRONTEND_REVALIDATE_SECRET", "")
FRONTEND_REVALIDATE_TIMEOUT = env_int("FRONTEND_REVALIDATE_TIMEOUT", 5)
# Stable names for enums shared by several schema components.
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] = {
    **SPECTACULAR_SETTINGS.get("ENUM_NAME_OVERRIDES", {}),
    "LevelEnum": "workgroups.models.choices.Level",
    "PageTypeEnum": "workgroups.selectors.PAGE_TYPE_CHOICES",
}
# --- end of the API block ---

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [FRONTEND_URL])
CORS_URLS_REGEX = r"^/(api|feeds)/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

LOG_FORMAT = env_str("LOG_FORMAT", "plain")  # "json" in production
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "cms.observability.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "cms.observability.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.server": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
        "sprachrohr.access": {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"},
    },
}

# Security: admin login throttling (django-axes) and a Content Security Policy (django-csp).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours: a locked account/IP pair may try again after 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # Wagtail's admin still relies on inline styles and a few inline scripts.
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        # The admin's live preview frames the headless frontend.
        "frame-src": ["'self'", FRONTEND_URL],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SPRACHROHR_DEMO_USERS_ALLOWED = env_bool("SPRACHROHR_DEMO_USERS_ALLOWED", True)
