"""A real Celery worker for the tests that need one: started on the test database and the
test run's Redis (scripts/services.sh), stopped with everything it forked, whatever happens."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import connection

READY_WITHIN = 60  # seconds; a worker that does not start fails the test rather than hang it


def _test_database_url() -> str:
    """DATABASE_URL naming the test database that pytest-django created."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


def _wait_until_ready(process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + READY_WITHIN
    while time.monotonic() < deadline:
        if " ready." in log.read_text(errors="replace"):
            return
        if process.poll() is not None:
            break
        time.sleep(0.2)
    raise RuntimeError(f"the Celery worker did not start:\n{log.read_text(errors='replace')}")


def _stop(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


@contextlib.contextmanager
def celery_worker(log: Path, **env: str):
    """A worker (one prefork child, so time limits apply) until the block ends; `env` adds
    settings from the environment, e.g. PDF_RENDER_TIME_LIMIT."""
    command = [
        str(Path(sys.executable).with_name("celery")),
        "-A",
        "pccresponse",
        "worker",
        "--pool=prefork",
        "--concurrency=1",
        "--without-mingle",
        "--without-gossip",
        "--loglevel=INFO",
    ]
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "pccresponse.settings.test",
        "DATABASE_URL": _test_database_url(),
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **env,
    }
    with log.open("w") as output:
        process = subprocess.Popen(
            command,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=settings.BASE_DIR,
            start_new_session=True,  # its own process group, so stopping it stops its children
        )
    try:
        _wait_until_ready(process, log)
        yield process
    finally:
        _stop(process)
