"""Heartbeats in Redis: each Celery worker writes one every HEALTH_HEARTBEAT_SECONDS (a worker
bootstep, celery_steps.py), beat writes one at every tick of its scheduler; /readyz reads how
old the newest is. A key of its own per writer kind, with a time to live, so a stopped writer's
key ages and then vanishes."""

import time

import redis
from django.conf import settings

WORKER = "pccresponse:health:worker"
BEAT = "pccresponse:health:beat"


def client() -> redis.Redis:
    """A connection that gives up in half a second: a health check never hangs on Redis."""
    return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5)


def beat(key: str) -> None:
    """Record that the writer of `key` is alive now (kept for an hour at most)."""
    client().set(key, repr(time.time()), ex=3600)


def age(connection: redis.Redis, key: str) -> float | None:
    """Seconds since the last heartbeat under `key`, or None if there is none."""
    value = connection.get(key)
    if value is None:
        return None
    return max(0.0, time.time() - float(value))
