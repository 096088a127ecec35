"""Django settings, all configuration from environment variables (see README.md)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("AEO_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Three modes. Production (the default): DEBUG off, a real SECRET_KEY required, HTTPS only.
# The demo (`make demo`, `aeo demo`, and the test suite): DEBUG off too, so it shows the real
# 404/500 pages, but with a demo key and plain HTTP on 127.0.0.1. Development: DEBUG=1, asked for.
DEBUG = env_bool("DEBUG", False)
TESTING = "PYTEST_VERSION" in os.environ  # pytest sets it for its run
DEMO = env_bool("AEO_DEMO", False) or TESTING
PRODUCTION = not (DEBUG or DEMO)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in production mode (or run the demo with AEO_DEMO=1, "
            "development with DEBUG=1)."
        )
    SECRET_KEY = "demo-only-insecure-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

AEO_ECONOMY = os.environ.get("AEO_ECONOMY", "JP").upper()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks_db",
    "ninja",
    "axes",
    "csp",
    "aeo.core",
    "aeo.accounts",
    "aeo.registry",
    "aeo.requirements",
    "aeo.applications",
    "aeo.authorizations",
    "aeo.supervision",
    "aeo.mra",
    "aeo.benefits",
    "aeo.border",
    "aeo.notifications",
    "aeo.home",
    "aeo.trs",
    "aeo.demo",
]

MIDDLEWARE = [
    "aeo.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Text no database can hold (NUL, lone surrogates), unreadable bodies: 4xx before any view.
    "aeo.core.middleware.InputCheckMiddleware",
    # Django's session, CSRF, authentication and message middleware, each passed by on
    # public reads (PUBLIC_READ_PATHS), which need none of them (aeo.core.middleware).
    "aeo.core.middleware.Sessions",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "aeo.core.middleware.Csrf",
    "aeo.core.middleware.Authentication",
    "aeo.core.middleware.Messages",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Login throttling and lockout (django-axes); last, as axes requires.
    "axes.middleware.AxesMiddleware",
]
# GET and HEAD under these paths are public reads: no session, CSRF, login or messages.
PUBLIC_READ_PATHS = ("/api/v1/register",)

ROOT_URLCONF = "aeo.urls"
WSGI_APPLICATION = "aeo.wsgi.application"
ASGI_APPLICATION = "aeo.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "aeo.core.context_processors.platform",
                "aeo.notifications.context_processors.inbox",
                "aeo.home.navigation.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'aeo.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a web server's database: readers never wait for the writer (WAL), a writer
    # waits for another instead of failing at once (busy timeout), and a write transaction
    # takes the write lock when it begins (IMMEDIATE), so two requests never deadlock
    # upgrading read locks into "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000; "
            "PRAGMA foreign_keys=ON;"
        ),
    }
    # Tests on a file, not in shared memory: the live server of the browser tests then has a
    # connection of its own and sees exactly what the test committed.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
NINJA_PAGINATION_MAX_LIMIT = 200
# Public operations (register search and entries) per client address; behind a proxy,
# PROXY_COUNT proxies' X-Forwarded-For entries are skipped to find the client.
AEO_PUBLIC_RATE = os.environ.get("AEO_PUBLIC_RATE", "60/min")
# verify_aeo_status, per API token (or signed-in user): past it, 429 with Retry-After.
AEO_VERIFY_RATE = os.environ.get("AEO_VERIFY_RATE", "30/min")
# The MRA exchange: this instance's Ed25519 private key (made on first use, never in git), the
# partner request timeout and the retry backoff (base seconds, doubled per failure, capped).
AEO_MRA_KEY_FILE = Path(os.environ.get("AEO_MRA_KEY_FILE", VAR_DIR / "mra" / "signing-key.jwk"))
AEO_MRA_TIMEOUT = float(os.environ.get("AEO_MRA_TIMEOUT", "10"))
AEO_MRA_RETRY_SECONDS = float(os.environ.get("AEO_MRA_RETRY_SECONDS", "60"))
AEO_MRA_RETRY_MAX = float(os.environ.get("AEO_MRA_RETRY_MAX", "3600"))
NINJA_NUM_PROXIES = int(os.environ["PROXY_COUNT"]) if os.environ.get("PROXY_COUNT") else None

# Login protection: after AXES_FAILURE_LIMIT failed sign-ins for one username from one address,
# that pair is locked out for AXES_COOLOFF_MINUTES (429 and a page saying so); staff unlock
# earlier in the admin (Axes › Access attempts) or with `aeo axes_reset_username USERNAME`.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# API tokens expire after this many days unless issued with another (`aeo token --days`).
AEO_TOKEN_DAYS = int(os.environ.get("AEO_TOKEN_DAYS", "90"))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ja", _("Japanese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]  # ja/LC_MESSAGES/django.po; the .mo is built at install
# The header's language switch (set_language) keeps the choice in this cookie, for a year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Tokyo")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
# Front-end packages installed from npm at set-up (`npm ci`), served locally: no CDN.
NODE_MODULES = PROJECT_DIR / "node_modules"
STATICFILES_DIRS = [
    ("uswds", NODE_MODULES / "@uswds" / "uswds" / "dist"),
    ("htmx", NODE_MODULES / "htmx.org" / "dist"),
]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"
for _directory in (VAR_DIR, STATIC_ROOT):  # the embedded default keeps its SQLite file under var/
    _directory.mkdir(parents=True, exist_ok=True)
# Outside development and the tests, static files have content-hashed names (cached for ever
# by browsers); `aeo collectstatic` writes them and the manifest (`aeo demo`/`aeo serve` run it).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True

# Request bodies above this answer 400 (forms and API alike).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024))
# Whole multipart requests (evidence uploads of up to 10 MiB) above this are refused unread.
MAX_REQUEST_BYTES = int(os.environ.get("MAX_REQUEST_BYTES", 12 * 1024 * 1024))
# A declarations import by API (NDJSON or CSV, read as a stream) may be this large.
AEO_DECLARATION_IMPORT_MAX_BYTES = int(
    os.environ.get("AEO_DECLARATION_IMPORT_MAX_BYTES", 512 * 1024 * 1024)
)
FILE_UPLOAD_HANDLERS = [
    "aeo.core.uploads.RequestSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

_mail_options = (
    {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
    }
    if os.environ.get("EMAIL_BACKEND", "").endswith("smtp.EmailBackend")
    else {}
)
# The demo keeps what it sends in VAR_DIR/sent-mail, shown on its "Sent e-mails" page.
DEMO_MAILBOX = VAR_DIR / "sent-mail" if DEMO and "EMAIL_BACKEND" not in os.environ else None
MAILERS = {
    "default": (
        {"BACKEND": "aeo.demo.mail.MailboxBackend", "OPTIONS": {"file_path": str(DEMO_MAILBOX)}}
        if DEMO_MAILBOX
        else {
            "BACKEND": os.environ.get(
                "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
            ),
            "OPTIONS": _mail_options,
        }
    )
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "aeo@customs.example")

TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# HTTPS and browser protections. In production: cookies only over HTTPS, HSTS, HTTP redirected
# to HTTPS (behind a TLS-terminating proxy set BEHIND_PROXY=1, so X-Forwarded-Proto is
# trusted); health checks stay reachable over plain HTTP for the load balancer.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000" if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", False)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): scripts, styles and images from this origin only, no
# inline script or style (the pages have none; htmx's indicator style is off in base.html).
# The interactive API docs (Swagger UI starts itself with an inline script) are excluded.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/api/v1/docs"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Logs: one JSON line per request on the `aeo.access` logger (id, method, path, user, status,
# duration), everything else as JSON lines too. ACCESS_LOG=0 silences the request lines.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "aeo.core.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "loggers": {
        "aeo.access": {
            "handlers": ["console"],
            "level": "INFO" if env_bool("ACCESS_LOG", not TESTING) else "WARNING",
            "propagate": False,
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
