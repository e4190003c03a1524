"""Local development (`make run`): SQLite in the project folder, a Redis `make run` starts."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "local-development-only-not-secret")
os.environ.setdefault("DJANGO_DEBUG", "true")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from .base import *  # noqa: F403

# The demo users' shared password is accepted here only (see accounts.demo).
DEMO_LOGINS_ENABLED = True
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "accounts.backends.DemoLoginBackend",
]

# Emails are written to var/mail/, one file per message (make run says where): the console
# would be flooded by the PDFs sent to HMICFRS and the Home Office.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": BASE_DIR / "var" / "mail"},  # noqa: F405
    }
}

# Serve static files from the app folders (no collectstatic step) in development and tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
