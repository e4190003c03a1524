"""Production: every secret and address from the environment, HTTPS only."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
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

SITE_URL = env("SITE_URL")
S55_RECIPIENTS = {
    "HMICFRS": env("S55_HMICFRS_EMAIL"),
    "Home Office": env("S55_HOME_OFFICE_EMAIL"),
}
