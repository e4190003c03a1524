"""Settings for the worker and beat processes the fault tests start: the test settings, with
email going over SMTP to the sink the test runs on a loopback port."""

import os

from pccresponse.settings.test import *  # noqa: F403

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": "127.0.0.1",
            "port": int(os.environ["REMINDERS_SMTP_PORT"]),
            "timeout": 5,
        },
    }
}
