"""Several machines' worth of pccresponse on this one: gunicorn servers on their own ports,
Celery workers and beats, sharing the test's PostgreSQL and a Redis of their own; and a
person's browser as a `requests` session, signing in through the real pages."""

import sys
import time
from pathlib import Path

import pyotp
import requests
from django.urls import reverse

from tests.factories import PASSWORD, TOTP_SECRET
from tests.reminders.processes import Processes, free_port, listening, wait_until

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


class Cluster(Processes):
    """Processes, plus web servers: `servers` maps a server's name to its base URL."""

    def __init__(self, workdir: Path, env: dict[str, str]):
        super().__init__(workdir, env)
        self.servers: dict[str, str] = {}

    def start_server(self, name: str) -> str:
        port = free_port()
        self.start(
            name,
            [GUNICORN, "pccresponse.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        )
        self.servers[name] = f"http://127.0.0.1:{port}"
        return self.servers[name]

    def wait_for_servers(self, timeout: float = 90) -> None:
        for name, url in self.servers.items():
            port = int(url.rsplit(":", 1)[1])
            wait_until(lambda port=port: listening(port), timeout, f"the server {name}")


class Browser:
    """One person's cookies, used against whichever server a request names."""

    def __init__(self):
        self.session = requests.Session()

    def get(self, base: str, path: str) -> requests.Response:
        return self.session.get(base + path, timeout=60)

    def post(self, base: str, path: str, data: dict) -> requests.Response:
        # Cookies are per host, not per port: every server sees the same session and CSRF token.
        token = self.session.cookies.get("csrftoken", "")
        return self.session.post(
            base + path,
            data=data,
            headers={"X-CSRFToken": token, "Referer": base + path},
            allow_redirects=False,
            timeout=60,
        )

    def sign_in(self, base: str, login: str) -> None:
        """The sign-in form, then the authenticator app's code (a writer's second factor)."""
        self.get(base, reverse("account_login"))  # the CSRF cookie
        answer = self.post(base, reverse("account_login"), {"login": login, "password": PASSWORD})
        assert answer.status_code == 302, answer.text[:500]
        totp = pyotp.TOTP(TOTP_SECRET)
        left = totp.interval - time.time() % totp.interval
        if left < 5:  # the code might reach the server in the next period
            time.sleep(left + 0.2)
        code = totp.now()
        answer = self.post(base, reverse("mfa_authenticate"), {"code": code})
        assert answer.status_code == 302, answer.text[:500]
