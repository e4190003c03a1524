"""Under the production settings a request with a Host the site does not serve gets a plain
400 (every scanner sends them), not a 500 with a traceback in the log."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The production settings, in a process of their own (they cannot be swapped into this one).
PROBE = """
import django
django.setup()
from django.test import Client
page = Client(raise_request_exception=False).get("/", HTTP_HOST="scanner.example")
print(page.status_code)
print(page.content.decode())
"""


def test_a_disallowed_host_gets_a_plain_400_under_the_production_settings(tmp_path):
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "pccresponse.settings.production",
        "DJANGO_SECRET_KEY": "a-production-like-secret-for-this-test-only",
        "DJANGO_ALLOWED_HOSTS": "responses.opcc.example",
        "SITE_URL": "https://responses.opcc.example",
        "S55_HMICFRS_EMAIL": "s55@hmicfrs.example",
        "S55_HOME_OFFICE_EMAIL": "s55@homeoffice.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    probe = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", PROBE],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    status, _, body = probe.stdout.partition("\n")
    assert status == "400", probe.stderr
    assert "Bad request" in body and "Nothing was changed" in body
    assert "Traceback" not in probe.stderr
