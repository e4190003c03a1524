"""Production: every secret and address from the environment, HTTPS only."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
# Each worker keeps its database connection between requests instead of opening one per
# request (gunicorn's sync workers serve one request at a time, so one connection each); the
# health check replaces one the database has closed before it is used.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
DEMO_LOGINS_ENABLED = False

# Logs as JSON lines on standard output (journald or the platform collects them), one per
# request plus whatever the app logs, each with the request id (health.logs); set
# DJANGO_LOG_FORMAT=text to read them by eye.
if env("DJANGO_LOG_FORMAT", default="json") == "json":
    LOGGING["formatters"] = {  # noqa: F405
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    }
    LOGGING["filters"]["request_context"] = {"()": "health.logs.RequestContextFilter"}  # noqa: F405
    LOGGING["handlers"]["console"] |= {"formatter": "json", "filters": ["request_context"]}  # noqa: F405
    # The disallowed-Host line stays one line without its traceback, now as JSON too.
    LOGGING["handlers"]["console_one_line"] |= {  # noqa: F405
        "formatter": "json",
        "filters": ["request_context", "without_traceback"],
    }

SITE_URL = env("SITE_URL")
S55_RECIPIENTS = {
    "HMICFRS": env("S55_HMICFRS_EMAIL"),
    "Home Office": env("S55_HOME_OFFICE_EMAIL"),
}
