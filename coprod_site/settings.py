"""Coprod settings, read from the environment.

With no configuration at all the app runs in development mode on a SQLite file
in the project folder. Set DEBUG=false for production: a real SECRET_KEY and
ALLOWED_HOSTS are then required, and cookies, HSTS and the HTTPS redirect are on.
"""

import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from coprod_site.env import env_bool, env_int, env_list, env_networks, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"
SECRET_KEY = env_str("SECRET_KEY") or (_DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of at least 50 characters when DEBUG is off."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # First, so that its runserver (which checks for collected static files) is the one used.
    "coprod_site",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "formtools",
    "simple_history",
    "axes",
    "import_export",
    "services",
    "assessments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages only: whitenoise answers for static files before these.
    "csp.middleware.CSPMiddleware",
    "coprod_site.middleware.permissions_policy",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A personal access token opens the CSV exports, and nothing else (services/tokens.py).
    # Before CSRF, so a bearer POST is refused in plain words, and before LoginRequired.
    "services.tokens.AccessTokenMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Signed-in pages and exports are kept by no cache (coprod_site.middleware).
    "coprod_site.middleware.private_pages",
    # Every page needs a signed-in user unless its view is marked login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Who made each change, for the history of assessments, services and cases.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coprod_site.urls"
WSGI_APPLICATION = "coprod_site.wsgi.application"

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
                "services.context_processors.user_agencies",
            ],
        },
    },
]

try:
    DATABASES = {
        "default": dj_database_url.parse(
            env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            conn_max_age=env_int("CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
except ValueError as error:  # its message names the scheme, never the password
    raise ImproperlyConfigured(f"DATABASE_URL is not a database address: {error}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: the pages' queries each run for milliseconds, and PostgreSQL's JIT,
    # which starts above a plan cost that a dashboard of thousands of assessments passes,
    # spent ~200 ms compiling to save a few (measured with scripts/benchmark.py).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")

# One cache for every app server: the database's by default, Redis when REDIS_URL is set.
# Nothing lives in the app process, so several servers can share one database.
# Every key starts with the installation's prefix, so installations can share one Redis:
# CACHE_KEY_PREFIX, or else one worked out from the database's identity when first needed
# (coprod_site/changes.py, `cache_key`), as no query may run while settings load.
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "")
if not re.fullmatch(r"[A-Za-z0-9._-]{0,40}", CACHE_KEY_PREFIX):
    raise ImproperlyConfigured(
        "CACHE_KEY_PREFIX must be at most 40 letters, digits, dots, dashes or underscores."
    )
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    # Its table is made by the coprod_site migration.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "coprod_cache",
            # Past this many entries a third are dropped: kept pages (about 10 KB each,
            # made again when next asked for) and the survey's counts.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
CACHES["default"] |= {
    "KEY_PREFIX": CACHE_KEY_PREFIX,
    "KEY_FUNCTION": "coprod_site.changes.cache_key",
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Axes first: it refuses a locked-out user name and address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one user name from one address lock that pair out for half an
# hour, from the fifth; tries while locked are refused unheard, so they do not move its end.
# Once wrong passwords for one user name come from SIGN_IN_USER_LOCK_ADDRESSES addresses
# within that half hour, the user name is locked from everywhere for an hour
# (coprod_site/sign_in.py). Staff unlock early in the admin.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "coprod_site.sign_in.SignInHandler"
AXES_LOCKOUT_CALLABLE = "coprod_site.sign_in.locked_out"
AXES_CLIENT_IP_CALLABLE = "coprod_site.sign_in.sign_in_address"
SIGN_IN_USER_LOCK_ADDRESSES = 10
SIGN_IN_USER_LOCK_TIME = timedelta(minutes=60)
# No banner from axes at every start of every command and worker.
AXES_VERBOSE = False
# The proxies in front of the app, by address or network: a request's X-Forwarded-For is
# read only when it comes from one of them (coprod_site.sign_in.client_address). This was
# once a count of proxies: 0 still means none, and any other number stops the start.
_proxies = env_list("TRUSTED_PROXIES", [])
if _proxies == ["0"]:
    _proxies = []
elif any(proxy.isdigit() for proxy in _proxies):
    raise ImproperlyConfigured(
        "TRUSTED_PROXIES now lists the proxies' addresses or networks, e.g. 10.0.0.0/8"
    )
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES", []) if _proxies else []

# A session ends after a working day without a request. It is saved again (moving its
# expiry on) at most every few minutes rather than on every request; see
# coprod_site/sessions.py.
SESSION_ENGINE = "coprod_site.sessions"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_REFRESH_AFTER = 5 * 60

# Our own page for a form sent without a valid form token, in the site's style.
CSRF_FAILURE_VIEW = "coprod_site.views.csrf_failure"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = False
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# No inline script or style anywhere: every script and style sheet is a static file. Data
# for charts is in `json_script` blocks, which are not run, so script-src does not apply.
# Bootstrap's style sheet draws tick boxes and arrows with data: SVG images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The browser features no page uses, switched off (coprod_site.middleware).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# The history keeps change reasons of any length (event names with assessment titles), and
# the admin may look at the history but not roll an object back to an earlier version.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = True

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env_bool("TRUST_X_FORWARDED_PROTO", False):
        # Only behind a proxy that sets this header itself and strips it from clients.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Every log line once, on stderr, in one format. Django's own handlers would print its
# messages a second time beside the root's, so its loggers (the development server's request
# lines among them) just pass them up. A 403 is one line, without a traceback.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "format": "[{asctime}] {levelname} {name}: {message}",
            "datefmt": "%Y-%m-%d %H:%M:%S %z",
            "style": "{",
        }
    },
    "filters": {"forbidden_in_one_line": {"()": "coprod_site.middleware.ForbiddenInOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "NOTSET", "propagate": True},
        "django.request": {
            "handlers": [],
            "level": "NOTSET",
            "propagate": True,
            "filters": ["forbidden_in_one_line"],
        },
    },
}
