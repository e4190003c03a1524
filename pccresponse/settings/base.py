"""Settings shared by every environment. Values that differ come from the environment."""

import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from celery.schedules import crontab
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()


def next_redis_database(url: str) -> str:
    """The same Redis, the next database number: redis://h:6379/0 -> redis://h:6379/1."""
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{number + 1}"))


SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "allauth.usersessions",
    "axes",
    "core",
    "audit",
    "health",
    "backups",
    "django_prometheus",
    "accounts",
    "inspections",
    "responses",
    "reminders",
    "dashboards",
    "imports",
    "audit_viewer",
    "demo",
]

MIDDLEWARE = [
    # First: every request gets its id before anything can log or refuse it.
    "audit.middleware.AuditMiddleware",
    "health.logs.RequestLogMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "accounts.sessions.SessionPolicyMiddleware",
    "accounts.mfa.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: it turns a lockout found while signing in into the lockout page.
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "pccresponse.urls"
WSGI_APPLICATION = "pccresponse.wsgi.application"

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
                "accounts.context_processors.roles",
                "accounts.context_processors.navigation",
                "accounts.context_processors.session_policy",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # make run's web server, Celery worker and beat share one SQLite file: take the write lock
    # when a transaction starts (a deferred upgrade fails at once when busy), wait for it rather
    # than fail, and let readers read while someone writes (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Signing in (decision 0014; the README's "Signing in" section) --------------------------------
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account or address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_MIN_LENGTH = env.int("PASSWORD_MIN_LENGTH", default=12)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # zxcvbn's offline lists of leaked passwords, names and words, with their variations.
    {"NAME": "django_zxcvbn_password_validator.ZxcvbnPasswordValidator"},
]
PASSWORD_MINIMAL_STRENGTH = env.int("PASSWORD_MINIMAL_STRENGTH", default=3)
#: A password reset link works for this long (seconds), and once.
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60)
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "inspections:report_list"
LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: accounts are made by administrators (the people page), never by sign-up;
# sign in with a username or an email address; reset links by email, saying nothing about
# whether an address has an account.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapter.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "pccresponse: "
# Failed sign-ins are counted by django-axes below (one lockout, with an unlock); allauth's own
# limits stay on for everything else (reset emails, codes, re-authentication).
ACCOUNT_RATE_LIMITS = {"login_failed": False}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="pccresponse")
MFA_RECOVERY_CODE_COUNT = 10
# Recovery codes are shown once, when made; lost ones are replaced, never shown again.
MFA_RECOVERY_CODES_SHOW_ONCE = True
#: Whether a local account that can change data must have a second factor (accounts.mfa).
MFA_REQUIRED_FOR_WRITERS = env.bool("MFA_REQUIRED_FOR_WRITERS", default=True)
USERSESSIONS_TRACK_ACTIVITY = False

# Identity providers (OpenID Connect), one per organisation: a JSON list, each
# {"id", "name", "server_url", "client_id", "secret", optional "roles_claim" (default "groups")
# and "roles" ({claim value: role name})}. A first sign-in makes an account with no role
# (waiting for an administrator) unless a mapped claim gives one (accounts.adapter).
OIDC_PROVIDERS = env.json("OIDC_PROVIDERS", default=[])
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": provider["id"],
                "name": provider["name"],
                "client_id": provider["client_id"],
                "secret": provider["secret"],
                "settings": {"server_url": provider["server_url"]},
            }
            for provider in OIDC_PROVIDERS
        ],
    }
}
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_STORE_TOKENS = False

# Lockout (django-axes): after AXES_FAILURE_LIMIT failures for one username, or from one
# address, sign-in is refused for the cool-off, with one message whether the account exists or
# not. An administrator unlocks from the people page.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "accounts.lockout.attempted_login"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# The admin is read-only here; unlocking is the people page's (accounts.lockout.lockout_clear).
AXES_ENABLE_ADMIN = False
#: How many proxies in front of the app append to X-Forwarded-For (0: none, use the peer).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# Sessions: a database row per session, ended on sign-out, deactivation or a change of roles;
# signed out after SESSION_IDLE_MINUTES without a request (warned SESSION_WARNING_MINUTES
# before) and SESSION_ABSOLUTE_HOURS after signing in, whatever happens; the cookie goes when
# the browser closes.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)
SESSION_WARNING_MINUTES = env.int("SESSION_WARNING_MINUTES", default=2)
SESSION_ABSOLUTE_HOURS = env.int("SESSION_ABSOLUTE_HOURS", default=12)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_HOURS * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
#: Where to report a vulnerability, served at /.well-known/security.txt (RFC 9116).
SECURITY_CONTACT = env("SECURITY_CONTACT", default="mailto:security@example.org")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Uploaded evidence lives outside the static tree and has no public URL: it is only ever
# streamed by a view that checks the reader's role.
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "private-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)
#: The largest report (PDF, HTML or text) that may be uploaded to import its items.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=20 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# A strict policy: no inline script or style anywhere, every asset served from this origin.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = REDIS_URL
# The cache (the dashboards' figures, dashboards.figure_cache) is shared by every web process,
# so it lives in Redis too, in a database of its own (the broker's number + 1) unless CACHE_URL
# names one. Short socket timeouts: a cache that does not answer is skipped, never waited on.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("CACHE_URL", default=next_redis_database(REDIS_URL)),
        "KEY_PREFIX": "pccresponse",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that hands work to Celery gives up on an unreachable broker within a second or so
# (the job then reports that it did not start) rather than hang.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 0.5,
}
CELERY_BEAT_SCHEDULE = {
    # Reminders: what is due is in the database; this scan sends it (reminders/scan.py).
    "reminders-scan": {
        "task": "reminders.tasks.scan_reminders",
        "schedule": env.float("REMINDERS_SCAN_SECONDS", default=300),
        "options": {"expires": env.float("REMINDERS_SCAN_SECONDS", default=300)},
    },
}

# The audit trail (audit app, decision 0015). Behind N reverse proxies, the client's address is
# the Nth from the right of X-Forwarded-For; 0 takes REMOTE_ADDR as it is. Entries are kept
# AUDIT_RETENTION_DAYS before they may be archived (README: archiving the audit trail). The
# chain is verified every day at AUDIT_VERIFY_AT; a break is emailed to ADMINS (else to every
# active superuser).
AUDIT_TRUSTED_PROXIES = env.int("AUDIT_TRUSTED_PROXIES", default=0)
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=7 * 366)
#: The previous hash the oldest entry kept must carry: "" until entries are first archived,
#: then the archive's last hash (manage.py audit_archive prints it).
AUDIT_CHAIN_START = env("AUDIT_CHAIN_START", default="")
ADMINS = env.list("DJANGO_ADMINS", default=[])
CELERY_BEAT_SCHEDULE["audit-verify"] = {
    "task": "audit.tasks.verify_audit_chain",
    "schedule": crontab(
        hour=int(env("AUDIT_VERIFY_AT", default="03:30").split(":")[0]),
        minute=int(env("AUDIT_VERIFY_AT", default="03:30").split(":")[1]),
    ),
}

# Health (/readyz): each worker writes a heartbeat to Redis every HEALTH_HEARTBEAT_SECONDS and
# beat one at every tick (at most CELERY_BEAT_MAX_LOOP_INTERVAL apart); one older than the
# stale limit reads as failing.
HEALTH_HEARTBEAT_SECONDS = env.float("HEALTH_HEARTBEAT_SECONDS", default=30)
HEALTH_WORKER_STALE_SECONDS = env.int("HEALTH_WORKER_STALE_SECONDS", default=180)
HEALTH_BEAT_STALE_SECONDS = env.int("HEALTH_BEAT_STALE_SECONDS", default=180)
CELERY_BEAT_MAX_LOOP_INTERVAL = 60
# /metrics (health.metrics): a scraper sends "Authorization: Bearer METRICS_TOKEN" or scrapes
# from one of METRICS_ALLOWED_NETWORKS (comma-separated, e.g. 10.0.5.0/24); by default neither.
METRICS_TOKEN = env("METRICS_TOKEN", default="")
METRICS_ALLOWED_NETWORKS = env.list("METRICS_ALLOWED_NETWORKS", default=[])
CELERY_BEAT_SCHEDULER = "health.celery_steps:HeartbeatScheduler"

# Reminders: sent at this Europe/London time on the day they are for; a claimed digest not sent
# within the lease is handed to another worker. Links in the emails start with SITE_URL.
REMINDERS_SEND_AT = env("REMINDERS_SEND_AT", default="07:00")
REMINDERS_LEASE_SECONDS = env.int("REMINDERS_LEASE_SECONDS", default=600)
REMINDERS_MAX_ATTEMPTS = env.int("REMINDERS_MAX_ATTEMPTS", default=10)

# Django 6.1's MAILERS replaces EMAIL_BACKEND/EMAIL_HOST...; the test runner swaps every mailer
# for the in-memory outbox.
MAILERS = {
    "default": {
        "BACKEND": env(
            "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend"
        ),
        "OPTIONS": {
            "host": env("DJANGO_EMAIL_HOST", default="localhost"),
            "port": env.int("DJANGO_EMAIL_PORT", default=25),
            "use_tls": env.bool("DJANGO_EMAIL_USE_TLS", default=False),
        },
    }
}
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="pccresponse@localhost")

# Where the app is served, for the links in emails and feeds (which have no request to ask).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Section 55(6): a copy of each published response goes to HMICFRS and to the Home Secretary.
# Production sets both (pccresponse.settings.production requires them).
#: The least time the office gives the Chief Constable to comment (s55(4)), in days from the
#: invitation; a shorter period needs a reason, recorded with the invitation.
S55_CC_MIN_DAYS = env.int("S55_CC_MIN_DAYS", default=7)
#: How many days ahead counts as "due soon": an open action turns amber, a response's deadline
#: badge turns "soon", and the dashboards count both (inspections.querysets.due_soon_window).
DUE_SOON_DAYS = env.int("DUE_SOON_DAYS", default=30)

S55_RECIPIENTS = {
    "HMICFRS": env("S55_HMICFRS_EMAIL", default="hmicfrs-s55@example.org"),
    "Home Office": env("S55_HOME_OFFICE_EMAIL", default="home-office-s55@example.org"),
}

# PDF rendering (responses.tasks): the soft limit stops a render cleanly and reports it; the
# hard limit kills the worker's child if even that fails. A job still waiting after
# PDF_RENDER_START_WAIT seconds is reported as not started (no worker is taking jobs).
PDF_RENDER_TIME_LIMIT = env.int("PDF_RENDER_TIME_LIMIT", default=120)
PDF_RENDER_HARD_TIME_LIMIT = PDF_RENDER_TIME_LIMIT + 30
PDF_RENDER_START_WAIT = env.int("PDF_RENDER_START_WAIT", default=300)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "core.logs.WithoutTraceback"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "console_one_line": {
            "class": "logging.StreamHandler",
            "filters": ["without_traceback"],
        },
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    # Django's own default config also prints to the console; one copy is enough.
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # WeasyPrint logs each step of every layout at INFO ("Step 2 - Fetching and parsing
        # CSS"), even its own stylesheets at import; a render job records its own progress.
        "weasyprint.progress": {"level": "WARNING"},
        # axes notes every reset of a count at INFO; a lockout is a WARNING.
        "axes": {"level": "WARNING"},
        # Every scanner sends Host headers the site does not serve: one line each, no traceback.
        "django.security.DisallowedHost": {
            "handlers": ["console_one_line"],
            "level": "ERROR",
            "propagate": False,
        },
    },
}
