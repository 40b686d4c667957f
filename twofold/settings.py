"""Twofold's settings. Every value comes from the environment; with none set, Twofold runs on SQLite.

Each variable read here is listed in docs/configuration.md (a test keeps the two in step).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from twofold.env import MAKE_A_KEY, env_bool, env_choice, env_fernet_keys, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("TWOFOLD_DATA_DIR", str(BASE_DIR.parent / "var")))

DEBUG = env_bool("TWOFOLD_DEBUG", default=False)
SECRET_KEY = env_str("TWOFOLD_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set TWOFOLD_SECRET_KEY to a long random string (or TWOFOLD_DEBUG=true for development)."
        )
    SECRET_KEY = "twofold-development-only-key-never-use-in-production"  # noqa: S105

# Keys that seal screening and check-in answers at rest: Fernet keys, newest first (docs/configuration.md,
# "Key rotation").
TWOFOLD_ENCRYPTION_KEYS = env_fernet_keys("TWOFOLD_ENCRYPTION_KEYS")
if not TWOFOLD_ENCRYPTION_KEYS and not DEBUG:
    raise ImproperlyConfigured(
        "Set TWOFOLD_ENCRYPTION_KEYS to a Fernet key: it seals mood screening and check-in answers, and is "
        "kept apart from the database. " + MAKE_A_KEY
    )
# A local file with the licensed EPDS wording; without it the EPDS is not offered (docs/guide.md, Wellbeing).
TWOFOLD_EPDS_TEXT_FILE = env_str("TWOFOLD_EPDS_TEXT_FILE")

ALLOWED_HOSTS = env_list("TWOFOLD_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("TWOFOLD_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    # Before accounts, whose admin takes knox's token admin away (accounts/admin.py).
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "axes",
    "csp",
    "twofold.accounts",
    "twofold.households",
    "twofold.audit",
    "twofold.care",
    "twofold.insights",
    "twofold.wellbeing",
    "twofold.checkins",
    "twofold.nights",
    "twofold.circle",
    "twofold.bonding",
    "twofold.growth",
    "twofold.health",
    "django_tasks",
    "django_tasks_db",
    "twofold.reminders",
    "twofold.push",
    "twofold.imports",
    "twofold.intake",
    "twofold.home",
    "twofold.api",
    "twofold.babybuddy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "twofold.households.middleware.PrivateNoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "twofold.households.middleware.CurrentMemberMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "twofold.urls"
WSGI_APPLICATION = "twofold.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "twofold.households.context.household_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'twofold.sqlite3'}"),
        conn_max_age=env_int("TWOFOLD_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Every read of whole care events joins the event to its seven one-to-one detail tables. PostgreSQL
    # would spend ~20 ms choosing among join orders for each; Django writes them in the order that is best
    # (the scoped events first, then each detail by its unique key), so the planner is told to keep it.
    # random_page_cost: the usual setting for SSDs, so a page of events is fetched by index, not by hashing
    # whole detail tables.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c join_collapse_limit=1 -c random_page_cost=1.1"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two parents tapping at once must both be saved. SQLite's defaults lose one of them: a deferred
    # transaction reads, then fails at once with "database is locked" when it tries to write after another
    # writer (SQLite cannot wait there without breaking the snapshot it read). So:
    # - IMMEDIATE transactions take the write lock when they begin, so every write transaction (each service
    #   is `transaction.atomic`) waits its turn and reads what the one before it wrote; this is the
    #   household-level serialisation PostgreSQL gets from `select_for_update`, which SQLite ignores;
    # - WAL lets pages keep reading while someone writes, and with synchronous=NORMAL a commit costs no fsync
    #   (a power cut may lose the last commits, never corrupt the file);
    # - busy_timeout makes a writer wait up to 20 s for its turn instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000",
        }
    )
    # Tests run on a file, not pytest-django's shared in-memory database: the live server's threads would
    # otherwise share one connection, and the concurrency tests (twofold/tests/test_concurrency.py) would
    # prove nothing. One file per test process, so test runs side by side do not meet.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"twofold-test-{os.getpid()}.sqlite3")
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Who may make an account (docs/configuration.md, `TWOFOLD_SIGNUP`): "open", "invite" (only from a working
# invitation link) or "closed". Unset in production: open until the first household exists, by invitation
# after, so a stranger who finds the address cannot make an account on a family's server.
TWOFOLD_SIGNUP = env_choice(
    "TWOFOLD_SIGNUP",
    ("open", "invite", "closed"),
    default="open" if DEBUG else "first-household",
    unset_means="open until the first household exists, then by invitation",
)
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:today"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling: after this many failures for one account from one address, wait.
AXES_FAILURE_LIMIT = env_int("TWOFOLD_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("TWOFOLD_LOGIN_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLED = env_bool("TWOFOLD_LOGIN_THROTTLING", default=True)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Email: printed to the console unless an SMTP host is configured.
EMAIL_HOST = env_str("TWOFOLD_EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("TWOFOLD_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("TWOFOLD_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("TWOFOLD_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("TWOFOLD_EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env_str("TWOFOLD_EMAIL_FROM", "Twofold <twofold@localhost>")
# Where links in reminder emails point, such as https://twofold.example.org (no trailing slash).
TWOFOLD_BASE_URL = env_str("TWOFOLD_BASE_URL").rstrip("/")

# Reminders are sent by `twofold worker` from a queue kept in the database (django-tasks-db): no broker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SESSION_COOKIE_SECURE = env_bool("TWOFOLD_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30  # a month: parents should not have to log in at 3 a.m.
SECURE_CONTENT_TYPE_NOSNIFF = True
# Behind an HTTPS proxy (docs/operations.md, "Behind HTTPS"). The proxy's header is trusted only when named:
# without a proxy that sets it, any client could send it and pass a plain request off as HTTPS.
_PROXY_SSL_HEADER = env_str("TWOFOLD_PROXY_SSL_HEADER")
if _PROXY_SSL_HEADER:
    if not re.fullmatch(r"[A-Za-z0-9-]+", _PROXY_SSL_HEADER):
        raise ImproperlyConfigured(
            "TWOFOLD_PROXY_SSL_HEADER must be a header name such as X-Forwarded-Proto, "
            f"not {_PROXY_SSL_HEADER!r}."
        )
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _PROXY_SSL_HEADER.upper().replace("-", "_"), "https")
SECURE_SSL_REDIRECT = env_bool("TWOFOLD_SSL_REDIRECT", default=False)
# A health check from the machine itself asks over plain HTTP, not through the proxy.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# HSTS is off until asked for: a browser that has seen it refuses plain HTTP for that long.
SECURE_HSTS_SECONDS = env_int("TWOFOLD_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("TWOFOLD_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env_bool("TWOFOLD_HSTS_PRELOAD", default=False)
# Preloading is a decision to submit the domain to the browsers' list, not a default: `check --deploy` does
# not ask for it unless the operator opts in.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): the browser runs only Twofold's own script files and styles, so an
# injected <script>, on...= handler or style= attribute does nothing. No 'unsafe-inline', no 'unsafe-eval':
# pages keep their code in twofold/static/twofold/*.js and *.css (docs/operations.md,
# "Content-Security-Policy").
# The API's Swagger page alone relaxes styles (twofold/api/urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
    },
}
SECURE_REFERRER_POLICY = "same-origin"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "twofold.accounts.auth.AppKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # DRF's defaults, with JSON read by a parser that answers 400 to a body nested too deep.
    "DEFAULT_PARSER_CLASSES": [
        "twofold.households.parsers.JSONBodyParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # drf-spectacular's, adding the errors every endpoint can answer with (twofold/api/schema.py).
    "DEFAULT_SCHEMA_CLASS": "twofold.api.schema.TwofoldAutoSchema",
    "EXCEPTION_HANDLER": "twofold.api.errors.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# API keys ("Apps and devices", accounts/app_keys.py): django-rest-knox keeps only a hash of each key, in
# accounts.AppKey (a name, when it was last used). A key lasts TWOFOLD_API_KEY_DAYS unless made to never
# expire; clients send `Authorization: Token <key>`, as with DRF's own tokens before.
TWOFOLD_API_KEY_DAYS = env_int("TWOFOLD_API_KEY_DAYS", 30)
if not 1 <= TWOFOLD_API_KEY_DAYS <= 365:
    raise ImproperlyConfigured(f"TWOFOLD_API_KEY_DAYS must be between 1 and 365, not {TWOFOLD_API_KEY_DAYS}.")
KNOX_TOKEN_MODEL = "accounts.AppKey"  # noqa: S105 (a model's name)
REST_KNOX = {
    "TOKEN_MODEL": KNOX_TOKEN_MODEL,
    "TOKEN_TTL": dt.timedelta(days=TWOFOLD_API_KEY_DAYS),
    "AUTH_HEADER_PREFIX": "Token",
}
# knox's own migrations would make a table for its AuthToken, which AppKey replaces; with none, nothing
# is made (a swapped-out model is skipped when the test database is built).
MIGRATION_MODULES = {"knox": None}

SPECTACULAR_SETTINGS = {
    "TITLE": "Twofold API",
    "DESCRIPTION": "The care log of a household: children, care events of every kind, and timers.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI at /api/v1/docs/ is served from drf-spectacular-sidecar's static files, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Swagger UI's validator badge would send the schema's address to swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    # Two choice sets share the field name "outcome" (a settle episode's and a check-in agreement's).
    # <id:...> (households/ids.py) is an integer that fits the database; say integer, as <int:...> did.
    "PATH_CONVERTER_OVERRIDES": {"id": int},
    "ENUM_NAME_OVERRIDES": {
        "AgreementOutcomeEnum": "twofold.checkins.models.Outcome",
        # The circle's choice sets share names with others' ("kind", "outcome", "state").
        "HelpKindEnum": "twofold.circle.models.Kind",
        "HelpOutcomeEnum": "twofold.circle.models.Outcome",
        "HelpRequestStateEnum": "twofold.circle.api.REQUEST_STATES",
        "HelpPromiseStateEnum": "twofold.circle.api.PROMISE_STATES",
    },
}

# `twofold serve` (gunicorn; docs/operations.md, "Serving"). Sized for a small machine (1-2 cores, 1 GB):
# two processes, so one stuck request or a crashed worker never stops the app and both cores are used, each
# with four threads, since a request mostly waits on the database (on SQLite, writers take turns anyway).
# Each process holds its own copy of Django (~80 MB), so adding threads is cheaper than adding workers.
TWOFOLD_SERVE_BIND = env_str("TWOFOLD_SERVE_BIND", "127.0.0.1:8000")
TWOFOLD_SERVE_WORKERS = env_int("TWOFOLD_SERVE_WORKERS", 2)
TWOFOLD_SERVE_THREADS = env_int("TWOFOLD_SERVE_THREADS", 4)

# Deleted care events stay restorable this many days, then `twofold purge` removes them for good
# (docs/operations.md, "Purging deleted care"). 0 purges them at the next run.
TWOFOLD_DELETED_RETENTION_DAYS = env_int("TWOFOLD_DELETED_RETENTION_DAYS", 30, minimum=0)

# Web push (twofold/push; docs/configuration.md, "Web push"). The VAPID key signs every push: given here with
# the other secrets, or else made on first use and kept in TWOFOLD_VAPID_KEY_FILE, readable by Twofold only.
TWOFOLD_VAPID_PRIVATE_KEY = env_str("TWOFOLD_VAPID_PRIVATE_KEY")
TWOFOLD_VAPID_KEY_FILE = Path(env_str("TWOFOLD_VAPID_KEY_FILE", str(DATA_DIR / "vapid-private-key.pem")))
# Whom push services may contact about this server's pushes; unset, the address in TWOFOLD_EMAIL_FROM.
TWOFOLD_VAPID_SUBJECT = env_str("TWOFOLD_VAPID_SUBJECT")
if TWOFOLD_VAPID_SUBJECT and not TWOFOLD_VAPID_SUBJECT.startswith(("mailto:", "https://")):
    raise ImproperlyConfigured(
        f"TWOFOLD_VAPID_SUBJECT must be a mailto: or https:// address, not {TWOFOLD_VAPID_SUBJECT!r}."
    )
# Push services are on the internet over HTTPS; only the tests' own push service is local (never from the
# environment: a subscription pointing inside the server's network would make Twofold post there).
TWOFOLD_PUSH_LOCAL_ENDPOINTS = False
# Reading a Baby Buddy on this very machine (imports/fetching.py): off, so an address given on the Import page
# cannot reach services listening only on the server itself.
TWOFOLD_IMPORT_ALLOW_LOOPBACK = env_bool("TWOFOLD_IMPORT_ALLOW_LOOPBACK", default=False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("TWOFOLD_LOG_LEVEL", "WARNING")},
}
