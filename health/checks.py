"""Each part /readyz reports: ok or failing, nothing more (no versions, hosts or errors: the
logs have those)."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import connection

from . import heartbeats

log = logging.getLogger(__name__)
OK, FAILING = "ok", "failing"


def database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def redis_ping() -> bool:
    return bool(heartbeats.client().ping())


def _fresh(key: str, within: int) -> bool:
    seen = heartbeats.age(heartbeats.client(), key)
    return seen is not None and seen <= within


def worker() -> bool:
    """A Celery worker wrote its heartbeat in the last HEALTH_WORKER_STALE_SECONDS."""
    return _fresh(heartbeats.WORKER, settings.HEALTH_WORKER_STALE_SECONDS)


def beat() -> bool:
    """Beat's scheduler ticked in the last HEALTH_BEAT_STALE_SECONDS."""
    return _fresh(heartbeats.BEAT, settings.HEALTH_BEAT_STALE_SECONDS)


CHECKS: dict[str, Callable[[], bool]] = {
    "database": database,
    "redis": redis_ping,
    "worker": worker,
    "beat": beat,
}


def run(name: str, check: Callable[[], bool]) -> str:
    try:
        return OK if check() else FAILING
    except Exception as error:
        log.warning("readiness check %s failed: %s", name, error)
        return FAILING


def readiness() -> dict[str, str]:
    return {name: run(name, check) for name, check in CHECKS.items()}
