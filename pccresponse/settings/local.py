"""Local development (`make run`): SQLite in the project folder, a Redis `make run` starts."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "local-development-only-not-secret")
os.environ.setdefault("DJANGO_DEBUG", "true")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from .base import *  # noqa: F403

# The demo users' shared password is accepted here only (see accounts.demo), and they are not
# asked for a second factor (the README's "Demo users"); production and the tests ask.
DEMO_LOGINS_ENABLED = True
AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "accounts.backends.DemoLoginBackend"]  # noqa: F405
MFA_REQUIRED_FOR_WRITERS = env.bool("MFA_REQUIRED_FOR_WRITERS", default=False)  # noqa: F405
# Passkeys on http://127.0.0.1 (browsers allow WebAuthn on loopback).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True

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
