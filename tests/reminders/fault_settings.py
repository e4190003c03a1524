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

# A worker keeps its database connection between tasks, as a production worker would with a pool.
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
