"""Settings for the whole site, read from the environment.

A fresh machine needs no variable at all: SQLite and a local-memory cache.
Production sets DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL and CACHE_URL
(see README.md).
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from botocore.config import Config
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .environment import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent


# Off here, as the WSGI server runs it; local development under manage.py runs
# wiki.settings.local, which turns it on.
DEBUG = env.bool("DJANGO_DEBUG", False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Debug is off, so the site refuses to start "
            "with a known key; set DJANGO_SECRET_KEY or DJANGO_DEBUG=1."
        )
    SECRET_KEY = "django-insecure-development-key-only-for-debug-mode"

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_ratelimit",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "dbbackup",
    "wiki",
    "films",
]

MIDDLEWARE = [
    # Kept pages answered first, with every header the stack below gave them when
    # they were drawn (wiki/kept_pages.py).
    "wiki.kept_pages.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that answers: a cross-site reader of the API hears CORS_* first.
    "corsheaders.middleware.CorsMiddleware",
    # Pages go out compressed to readers who accept it (static files are compressed
    # already, by WhiteNoise; kept pages, once, by the page cache); tokens in forms
    # are masked per response (BREACH).
    "wiki.middleware.PageGZipMiddleware",
    # ETag on every page, and 304 to a reader who already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wiki.middleware.AddressLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "wiki.middleware.RejectNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wiki.middleware.PrivateForUsersMiddleware",
    # Names the user behind each change of film data in its history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers a locked-out login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wiki.root_urls"
WSGI_APPLICATION = "wiki.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wiki.context_processors.site",
                "wiki.context_processors.languages",
                "wiki.context_processors.appearance",
                "wiki.context_processors.robots",
                "films.context_processors.subject_names",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url_config(
        env.str("DATABASE_URL", "") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers may write at once: wait for the lock instead of failing,
    # and let readers go on while a writer works. Each worker keeps its connection,
    # as on PostgreSQL: opening one and setting it up cost a page a fifth of its time.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    # A database that does not answer costs a request seconds, not a worker: give up
    # connecting after a few seconds, and (web processes only, see wiki/wsgi.py) end
    # any statement that runs longer than a request may.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": env.int("DATABASE_CONNECT_TIMEOUT", 3)
    }
    _statement_ms = env.int("DATABASE_STATEMENT_TIMEOUT_MS", 0)
    if _statement_ms:
        DATABASES["default"]["OPTIONS"]["options"] = (
            f"-c statement_timeout={_statement_ms}"
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE_URL (wiki/settings/environment.py): without one, a folder on this host's
# disk (diskcache) that every process on the host shares, so that several gunicorn
# workers never serve each other's stale pages and count request limits together.
CACHES = {
    "default": env.cache_url_config(
        env.str("CACHE_URL", "") or f"file://{BASE_DIR / 'cache'}"
    )
}
# The page's frame (the site menu, the appearance menu) is drawn once per language in
# each process, by templates' {% cache %} under "frame": it shows no data, only the
# interface, which changes with a deploy, when the process starts anew.
CACHES["frame"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
if CACHES["default"]["BACKEND"] == "wiki.cache.SoftRedisCache":
    CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", "miracle-wiki")
# Sessions are read from the cache every worker and host shares, and written through
# to the database, so that a cache restart logs nobody out (wiki/sessions.py).
SESSION_ENGINE = "wiki.sessions"

# Background jobs (wiki/jobs.py) are rows in the same database, enqueued inside the
# write that needs them; `manage.py worker` runs them, on as many hosts as wanted.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# `manage.py backup` and `restore` (wiki/backups.py): django-dbbackup's online copies,
# SQLite's restored through its backup API too, so that a live WAL stays sound.
DBBACKUP_CONNECTOR_MAPPING = {
    "django.db.backends.sqlite3": "wiki.backups.SqliteOnlineConnector"
}
DBBACKUP_SEND_EMAIL = False

# What logged-out readers are shown is kept in that cache until what it shows changes
# (wiki/page_cache.py). Browsers and a CDN in front may keep it for MAX_AGE seconds,
# and serve it for STALE_WHILE_REVALIDATE more while they fetch it anew: short, since
# nothing can tell them when a page changed.
WIKI_PAGE_CACHE_SECONDS = env.int("WIKI_PAGE_CACHE_SECONDS", 24 * 60 * 60)
WIKI_PAGE_MAX_AGE = env.int("WIKI_PAGE_MAX_AGE", 30)
WIKI_PAGE_STALE_WHILE_REVALIDATE = 30
# After Redis fails, each process serves from the database without asking Redis for
# this many seconds, then tries it again (wiki/cache.py).
WIKI_CACHE_RETRY_AFTER = 2.0

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out account and address pair is refused before its
    # password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# The interface's languages, each named in itself for the language menu. English has
# no address prefix; every other language's addresses start with its code (/ko/…).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ko", "한국어"),
    ("tr", "Türkçe"),
    ("id", "Bahasa Indonesia"),
    ("fil", "Filipino"),
    ("hi", "हिन्दी"),
    ("kn", "ಕನ್ನಡ"),
]
LANGUAGE_COOKIE_NAME = "wiki_language"
LOCALE_PATHS = [BASE_DIR / "locale"]
# British English's dates for English, and Filipino's (which Django lacks).
FORMAT_MODULE_PATH = ["wiki.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names served by WhiteNoise; with debug on, the plain names.
    "staticfiles": {"BACKEND": "wiki.staticfiles.StaticFilesStorage"},
}

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(BASE_DIR / "media"))).resolve()


def media_s3_options(environ):
    """django-storages' options for the object store the MEDIA_S3_* variables name.

    MEDIA_PUBLIC_URL is where readers fetch the bucket's objects (a CDN, or the store
    itself: http://host:8333/bucket); without it, the store's own path-style URL.
    """
    options = {
        "bucket_name": environ["MEDIA_S3_BUCKET"],
        "endpoint_url": environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("MEDIA_S3_REGION") or None,
        "access_key": environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
        "addressing_style": "path",
        "querystring_auth": False,  # public URLs: see wiki/storage.py
        "file_overwrite": False,
        # A store that does not answer fails an upload in seconds (the upload view
        # says so to the uploader), never holds a worker until it is killed.
        "client_config": Config(
            connect_timeout=2,
            read_timeout=float(environ.get("MEDIA_S3_READ_TIMEOUT", "5")),
            retries={"mode": "standard", "total_max_attempts": 2},
        ),
    }
    public = urlsplit(environ.get("MEDIA_PUBLIC_URL", ""))
    if public.netloc:
        options["custom_domain"] = public.netloc + public.path.rstrip("/")
        options["url_protocol"] = f"{public.scheme}:"
    return options


# Uploads go to an S3-compatible object store when MEDIA_S3_BUCKET is set, so that
# every web host stores and serves the same files; otherwise to MEDIA_ROOT.
if env.str("MEDIA_S3_BUCKET", ""):
    STORAGES["default"] = {
        "BACKEND": "wiki.storage.MediaStorage",
        "OPTIONS": media_s3_options(os.environ),
    }

# The site's name: page titles, the header, the feed, the site's mail.
WIKI_SITE_NAME = env.str("WIKI_SITE_NAME", "Miracle in Cell No. 7 Wiki")
# Where the site is reached, for links in mail sent outside a request.
WIKI_BASE_URL = env.str("WIKI_BASE_URL", "http://127.0.0.1:8000")

# Users in this group are bots: recent changes can hide their edits.
WIKI_BOTS_GROUP = "bots"

# When a new account is autoconfirmed (wiki/rights.py): this many days old, with this
# many edits.
WIKI_AUTOCONFIRM_DAYS = env.int("WIKI_AUTOCONFIRM_DAYS", 4)
WIKI_AUTOCONFIRM_EDITS = env.int("WIKI_AUTOCONFIRM_EDITS", 10)

# The question challenge at signup and on new users' links (wiki/challenges.py).
WIKI_CHALLENGE_ENABLE = env.bool("WIKI_CHALLENGE_ENABLE", True)
# An edit filter rule changed within the last day that matches more than this share
# of the last hour's edits (and at least WIKI_FILTER_THROTTLE_MIN_HITS of them)
# switches itself off (wiki/filters.py); a rule's pattern gets this many seconds on
# an edit before it counts as no match.
WIKI_FILTER_THROTTLE = env.float("WIKI_FILTER_THROTTLE", 0.05)
WIKI_FILTER_THROTTLE_MIN_HITS = 5
WIKI_FILTER_TIMEOUT = 0.2

# Widgets draw with the site's templates too (the honeypot's, wiki/forms/honeypot.py).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Room for a 512 KB Markdown body and the rest of the form; more gets a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

# Mail: EMAIL_URL (smtp://user:pass@host:587, smtp+tls://…, smtp+ssl://…,
# consolemail://). Without it, mail is written to the console; `check --deploy` warns
# about that in production.
EMAIL_URL = env.str("EMAIL_URL", "")
_email = env.email_url_config(EMAIL_URL or "consolemail://")
_email.pop("OPTIONS", None)
globals().update({key: value for key, value in _email.items() if value is not None})
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", "wiki@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", 10)  # seconds; a stuck server is a failure

# Where requests come from: the number of proxies in front of the site that append
# the address they saw to X-Forwarded-For (0: trust only the connection's address).
WIKI_PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", 0)

# Request limits per address and per user, counted in the cache that every worker
# and host shares (wiki/limits.py). "N/m" is N per minute; h hours, d days.
RATELIMIT_ENABLE = env.bool("RATELIMIT_ENABLE", True)
# While the cache is down nothing can be counted: the site stays open to everyone
# rather than refusing every login, save and search (the lockout after failed logins
# is counted in the database, and holds).
RATELIMIT_FAIL_OPEN = True
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "wiki.limits.client_ip"
WIKI_RATE_LIMITS = {
    "login": "20/m",
    "signup": "5/h",
    "save": "30/m",
    # Asked for at each pause in typing: a few a second at the most.
    "preview": "120/m",
    "upload": "20/h",
    "password_reset": "5/h",
    "search": "60/m",
    "api": "120/m",
}
# Tighter for accounts not yet autoconfirmed (MediaWiki's "newbie" limits).
WIKI_NEWCOMER_RATE_LIMITS = {"save": "8/m"}
SILENCED_SYSTEM_CHECKS = [
    # Django's own Redis cache and diskcache increment atomically, though the library
    # lists only django-redis and memcached by name.
    "django_ratelimit.W001",
]
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # One process (`make run`) keeps its own counters; several workers share Redis.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")

# Failed logins lock that username at that address for a while (django-axes). The
# attempts are rows in the database, which every host shares, so that admin can see
# and unlock them.
AXES_ENABLED = env.bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_CALLABLE = "wiki.views.accounts.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "wiki.limits.client_ip"
AXES_DISABLE_ACCESS_LOG = True  # keep failures, not every successful login
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS = []  # name the account and address in the log (no password)

# Content-Security-Policy: nothing runs or loads but the site's own files. Bootstrap
# draws a few icons (the menu button, form arrows) as data: images from its CSS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}


def media_origin(environ):
    """The origin readers fetch uploaded images from, when it is not the site's own:
    MEDIA_PUBLIC_URL's, or the object store's for its own path-style URLs."""
    if not environ.get("MEDIA_S3_BUCKET"):
        return None
    public = environ.get("MEDIA_PUBLIC_URL") or environ.get("MEDIA_S3_ENDPOINT_URL")
    parts = urlsplit(public or "")
    # Without either, django-storages names AWS S3's own path-style addresses.
    return (
        f"{parts.scheme}://{parts.netloc}"
        if parts.netloc
        else "https://*.amazonaws.com"
    )


_media_origin = media_origin(os.environ)
if _media_origin:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_media_origin)

PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env.str("DJANGO_LOG_LEVEL", "WARNING"),
    },
    # Lockouts and failed mail are warnings and errors: they reach the log as they are.
    "loggers": {"axes": {"level": "WARNING"}},
}

# The read API (/api/): JSON, read only, the same answer for everyone (no
# authentication is read, so no session or CSRF token is involved), paginated and
# filterable, limited per address like the site (wiki.api.throttling).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "wiki.api.pagination.StrictPageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["wiki.api.filters.ApiFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["wiki.api.throttling.SiteRateThrottle"],
    "NUM_PROXIES": WIKI_PROXY_COUNT,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "wiki.api.errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{WIKI_SITE_NAME} API",
    "DESCRIPTION": "The wiki's pages and the film's structured data, read only.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from static/ (drf-spectacular-sidecar), never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Without deep links an operation's path is text, not a link inside its button
    # (axe: nested-interactive, target-size).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "wiki.api.schema.document_every_answer",
    ],
}
# Other sites' pages may not read the API unless CORS_ALLOWED_ORIGINS names them.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
