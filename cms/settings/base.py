"""Base settings, grouped by concern; every setting is defined once here, environments override."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from cms.env import (
    cache_from_url,
    env_bool,
    env_database,
    env_int,
    env_list,
    env_str,
    secret_from_file,
)
from cms.observability import logging_config

# --- Core ------------------------------------------------------------------------------------

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Local state of one installation (SQLite file, media, static files, generated secret).
VAR_DIR = Path(env_str("SPRACHROHR_VAR_DIR", str(BASE_DIR / "var")))

# Without DJANGO_SECRET_KEY every installation generates its own key under var/ (never a
# shared default, which would let anyone sign preview tokens); production requires the variable.
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or secret_from_file(VAR_DIR / "secret_key")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "cms",
    "workgroups",
    "workspace",
    "search",
    "search.analytics",
    "printing",
    "impact",
    # Before wagtail.admin: its German notification and login templates take precedence.
    "review",
    "membership",
    "alerts",
    "signoff",
    "sharing",
    "choosers",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "membership.user_admin.MemberUsersAppConfig",
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
    # Its German translations: Wagtail's status panel says "vor 2 Minuten", not "2 minutes ago".
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "cms.observability.RequestIdMiddleware",
    # Outermost after the request id: rewrites every error answer under /api/ (also those
    # of the middlewares below, e.g. a foreign Host header) as problem+json.
    "cms.middleware.ApiProblemMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: signed-in people are not counted against the anonymous budget.
    "cms.throttle.AnonymousThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the outcome of every authentication attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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

# --- Public addresses --------------------------------------------------------------------------

# The public website (Next.js): public pages link here (feeds, e-mails, "view live").
FRONTEND_URL = env_str("FRONTEND_URL", "http://127.0.0.1:3000").rstrip("/")
# The admin: links to admin pages in notification e-mails.
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Absolute base of document (PDF) links in API answers: the public address of this backend.
PUBLIC_BACKEND_URL = env_str("PUBLIC_BACKEND_URL", WAGTAILADMIN_BASE_URL).rstrip("/")

# --- Database ------------------------------------------------------------------------------------

# SQLite is the embedded default; DATABASE_URL=postgres://… switches engines.
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}

# --- Internationalisation ------------------------------------------------------------------------

# German first, English available.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static files and media ----------------------------------------------------------------------

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

# --- Cache ---------------------------------------------------------------------------------------

# Shared by every process (web workers, task worker): API responses, throttle counters and
# Wagtail's site cache must agree. Default: the database cache, whose table is created after
# every `migrate` (workgroups.receivers); tests use locmem.
CACHES = {
    "default": cache_from_url(
        env_str("CACHE_URL", "db://sprachrohr_cache"),
        max_entries=env_int("CACHE_MAX_ENTRIES", 20_000),
    )
}

# --- Background tasks ----------------------------------------------------------------------------

# Durable background tasks in the database, on two queues, each with its own worker process:
# "default" (index updates, e-mails, revalidation, sign-off rounds) and "print" (PDF
# rendering, seconds per paper), so a PDF run never holds up an index update.
TASK_QUEUES = ["default", "print"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
# Functions without arguments the scheduler (manage.py run_scheduler) calls on every round,
# after publishing scheduled pages; each must be cheap when there is nothing to do.
SCHEDULER_JOBS = [
    "search.analytics.services.search_analytics_prune",
    # Each reminder is logged once (workspace.DeadlineReminder): every round may run it.
    "workspace.services.deadline_reminders_send",
    # Digests, deadline notices, unconfirmed subscriptions (alerts/services.py).
    "alerts.services.alerts_scheduled_run",
]
# The worker renders each published version of a paper to PDF (printing/).
PRINTING_ON_PUBLISH = env_bool("SPRACHROHR_PRINTING_ON_PUBLISH", True)

# --- E-mail --------------------------------------------------------------------------------------

# Console in development, SMTP via environment in production, locmem in tests.
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Sprachrohr <redaktion@sprachrohr.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail -------------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = env_str("SPRACHROHR_SITE_NAME", "Cluster IT Mitteldeutschland")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# German labels on the login page (review/auth.py).
WAGTAILADMIN_USER_LOGIN_FORM = "review.auth.AssociationLoginForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Links and citations carry ASCII slugs, not %C3%A4 (papers transliterate: review/forms.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No avatars from gravatar.com: it would learn who works in the admin (and the CSP blocks it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods", "pptx", "txt", "csv", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents go through Django so collection view restrictions (minutes) are enforced.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Only editors move files between collections or replace public ones (workgroups/access).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "workgroups.access.documents.WorkingGroupDocumentForm"
# Headless preview: the admin's preview frames the frontend's preview route.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": f"{FRONTEND_URL}/api/preview"},
    "SERVE_BASE_URL": FRONTEND_URL,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}
# Headless preview tokens (signed by wagtail-headless-preview) are valid this long.
PREVIEW_TOKEN_MAX_AGE = env_int("PREVIEW_TOKEN_MAX_AGE", 30 * 60)

# --- Frontend revalidation -----------------------------------------------------------------------

# On-demand revalidation of the frontend after publish-side changes; off without a secret.
FRONTEND_REVALIDATE_URL = env_str("FRONTEND_REVALIDATE_URL", f"{FRONTEND_URL}/api/revalidate")
FRONTEND_REVALIDATE_SECRET = env_str("FRONTEND_REVALIDATE_SECRET", "")
FRONTEND_REVALIDATE_TIMEOUT = env_int("FRONTEND_REVALIDATE_TIMEOUT", 5)

# --- Search --------------------------------------------------------------------------------------

# Wagtail's own search (admin) stays on the database backend; search/ owns the public
# Elasticsearch index so content is not indexed twice by two mechanisms. On PostgreSQL it
# uses the German text search configuration (SQLite FTS5 has no configuration).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"}
}
# Elasticsearch (public search); unset means Wagtail's database search is used.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
# Physical indices are named <prefix>-<document>-<version>; the alias is <prefix>-<document>.
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "sprachrohr")
# The database index (search.SearchDocument on Wagtail's database backend) is kept in step
# even when Elasticsearch is configured, so searches fall back to it while Elasticsearch
# is unreachable (a 503 problem otherwise).
SEARCH_DATABASE_FALLBACK = env_bool("SEARCH_DATABASE_FALLBACK", True)
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
# Weekly search statistics (search/analytics) are deleted after this many days.
SEARCH_ANALYTICS_RETENTION_DAYS = env_int("SEARCH_ANALYTICS_RETENTION_DAYS", 365)

# --- Public read API (/api/v1) -------------------------------------------------------------------

# Only what DRF applies to every view (Wagtail's admin API included) is global; the public
# API's renderers, parsers, authentication, errors and pagination are set on its own base
# class (cms.api.PublicApiPolicy), so the admin API keeps DRF's defaults.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sprachrohr API",
    "DESCRIPTION": "Öffentliche Lese-API für Positionspapiere, Arbeitskreise, Veranstaltungen und Suche.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["cms.api.public_api_endpoints"],
    # Stable names for enums shared by several schema components.
    "ENUM_NAME_OVERRIDES": {
        "LevelEnum": "workgroups.models.choices.Level",
        "PageTypeEnum": "workgroups.selectors.PAGE_TYPE_CHOICES",
    },
    # Redoc 2.x from jsDelivr (allowed by the docs page's CSP), not whatever "latest" becomes.
    "REDOC_DIST": "https://cdn.jsdelivr.net/npm/redoc@2",
}
# Server-side API response cache: entries are keyed by a content version that every
# publish, unpublish, move, delete and privacy change replaces, so a publish is visible at
# once; the timeout only bounds time-dependent answers (upcoming events, open deadlines).
API_RESPONSE_CACHE_SECONDS = env_int("API_RESPONSE_CACHE_SECONDS", 300)
# What clients and proxies may cache (Cache-Control max-age); they revalidate with ETag.
API_CLIENT_MAX_AGE = env_int("API_CLIENT_MAX_AGE", 60)
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [FRONTEND_URL])
CORS_URLS_REGEX = r"^/(api|feeds)/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# --- Throttling and client addresses -----------------------------------------------------------

# Reverse proxies in front of Django that append to X-Forwarded-For (docker-compose: Caddy,
# one). It alone decides the client address, for the throttle and for django-axes alike;
# 0 = the socket address (REMOTE_ADDR), X-Forwarded-For is ignored. AXES_PROXY_COUNT is
# the variable's former name.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", env_int("AXES_PROXY_COUNT", 0))
# Anonymous requests per client address under these paths share one budget ("600/min");
# signed-in people are not counted. Counters live in the shared cache when it counts
# atomically (Redis, Memcached, local memory), else in a database row (cms.RequestCounter).
THROTTLE_ANON_RATE = env_str("API_ANON_RATE", "600/min")
THROTTLE_PATH_PREFIXES = ("/api/", "/feeds/", "/documents/")

# --- E-mail alerts -------------------------------------------------------------------------------

# Subscription requests per client address and per e-mail address (alerts/services.py).
ALERTS_CLIENT_RATE = env_str("ALERTS_CLIENT_RATE", "20/h")
ALERTS_ADDRESS_RATE = env_str("ALERTS_ADDRESS_RATE", "5/h")

# --- Security ------------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Admin login throttling (django-axes) on the same client address as the API throttle.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours: a locked account/IP pair may try again after 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.net.client_ip"

# Content Security Policy (django-csp) of the admin, the only HTML Django renders for people.
# Measured in Chromium on the admin's pages (frontend/tests/e2e/admin.e2e.ts); each exception
# is one Wagtail 8 needs:
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # Inline <script>s without a nonce in Wagtail's own templates: page listings and
        # history, reports, user lists, and the edit forms (InlinePanel, MultipleChooserPanel,
        # the date and time choosers in widgets/date_input.html, time_input.html, …).
        "script-src": ["'self'", "'unsafe-inline'"],
        # style="…" attributes in the edit forms' templates and components.
        "style-src": ["'self'", "'unsafe-inline'"],
        # Previews of images chosen for upload and rich-text embeds before they are saved.
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The live preview frames the headless frontend.
        "frame-src": ["'self'", FRONTEND_URL],
        # Wagtail frames its own pages (choosers, preview); nobody else may.
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# Answers that are data, not pages (API, feeds): nothing may load or run, nobody may frame them.
CSP_DATA_POLICY = {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}
# Documents: nothing may load or run (Wagtail sets the same header on the files it serves);
# no frame-ancestors, since browsers' PDF viewers may frame the file.
CSP_DOCUMENT_POLICY = {"default-src": ["'none'"], "form-action": ["'self'"]}
# The API documentation (Redoc, drf-spectacular's template): its script from jsDelivr plus the
# template's inline Redoc.init(), its fonts from Google, a worker from a blob, the schema from here.
CSP_API_DOCS_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["https://cdn.jsdelivr.net", "'unsafe-inline'"],
    "worker-src": ["blob:"],
    "style-src": ["'unsafe-inline'", "https://fonts.googleapis.com"],
    "font-src": ["https://fonts.gstatic.com"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
}
CSP_POLICIES_BY_PATH = [
    ("/api/v1/docs/", CSP_API_DOCS_POLICY),
    ("/api/", CSP_DATA_POLICY),
    ("/feeds/", CSP_DATA_POLICY),
    ("/documents/", CSP_DOCUMENT_POLICY),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

# --- Logging -------------------------------------------------------------------------------------

LOG_FORMAT = env_str("LOG_FORMAT", "plain")  # "json" in production
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
# One access log line per request (sprachrohr.access): on with JSON logs.
LOG_ACCESS = LOG_FORMAT == "json"
LOGGING = logging_config(log_format=LOG_FORMAT, level=LOG_LEVEL, access=LOG_ACCESS)

# --- Demo ----------------------------------------------------------------------------------------

# load_demo_content may create the demo accounts with their published passwords.
SPRACHROHR_DEMO_USERS_ALLOWED = env_bool("SPRACHROHR_DEMO_USERS_ALLOWED", True)
