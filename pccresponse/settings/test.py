"""The test suite: PostgreSQL and Redis on loopback ports, started by scripts/services.sh."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# from that thread are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from .base import *  # noqa: F403

MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default="/tmp/pccresponse-test-media")  # noqa: F405
CELERY_TASK_ALWAYS_EAGER = False
DEMO_LOGINS_ENABLED = False
# The live server is plain http on loopback: passkeys allowed there (Chromium agrees).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True

# Serve static files from the app folders (no collectstatic step) in development and tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
