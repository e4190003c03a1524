"""/metrics for Prometheus: django-prometheus's request latency by view, responses by status and
exceptions, plus what this app knows: Celery task outcomes and durations (counted in Redis by
every worker, so one scrape sees all machines) and the gauges the apps register (render jobs
waiting and failed, reminders due and unsent, responses overdue), read when scraped.

Restricted: a request must carry `Authorization: Bearer <METRICS_TOKEN>` or come from an address
in METRICS_ALLOWED_NETWORKS; anything else is refused with a bare 403.
"""

import contextlib
import hmac
import ipaddress
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass

import prometheus_client
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.cache import never_cache
from prometheus_client import multiprocess
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from . import heartbeats

log = logging.getLogger(__name__)
TASKS_KEY = "pccresponse:metrics:celery:tasks"
SECONDS_KEY = "pccresponse:metrics:celery:seconds"


@dataclass(frozen=True)
class Gauge:
    name: str
    documentation: str
    read: Callable[[], float]


_gauges: dict[str, Gauge] = {}


def register_gauge(name: str, documentation: str, read: Callable[[], float]) -> None:
    """An app's figure, read at every scrape (its AppConfig.ready() calls this)."""
    _gauges[name] = Gauge(name, documentation, read)


def record_task(name: str, outcome: str, seconds: float) -> None:
    """One finished Celery task (health.celery_steps calls this in the worker)."""
    pipe = heartbeats.client().pipeline()
    pipe.hincrby(TASKS_KEY, f"{name}|{outcome}", 1)
    pipe.hincrbyfloat(SECONDS_KEY, name, seconds)
    pipe.execute()


class AppCollector:
    def describe(self):
        # Registering would otherwise collect once to learn the names: queries at start-up.
        return []

    def collect(self):
        yield from self._gauges()
        try:
            yield from self._tasks()
        except Exception as error:
            log.warning("could not read the task counts: %s", error)

    def _gauges(self):
        for gauge in _gauges.values():
            try:
                value = float(gauge.read())
            except Exception as error:
                log.warning("metric %s failed: %s", gauge.name, error)
                continue
            yield GaugeMetricFamily(gauge.name, gauge.documentation, value=value)

    def _tasks(self):
        connection = heartbeats.client()
        outcomes = CounterMetricFamily(
            "pccresponse_celery_tasks", "Celery tasks finished", labels=["task", "outcome"]
        )
        for field, count in connection.hgetall(TASKS_KEY).items():
            task, _, outcome = _text(field).rpartition("|")
            outcomes.add_metric([task, outcome], float(count))
        seconds = CounterMetricFamily(
            "pccresponse_celery_task_seconds", "Time spent in Celery tasks", labels=["task"]
        )
        for name, total in connection.hgetall(SECONDS_KEY).items():
            seconds.add_metric([_text(name)], float(total))
        yield outcomes
        yield seconds


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


APP_COLLECTOR = AppCollector()


def allowed(request) -> bool:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net) for net in settings.METRICS_ALLOWED_NETWORKS)


def _registry():
    """The processes' metrics: gunicorn's workers share a folder (PROMETHEUS_MULTIPROC_DIR)
    when there are several, else this process's own registry; the app's figures either way."""
    registry = prometheus_client.CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = prometheus_client.REGISTRY
    return registry


@login_not_required
@transaction.non_atomic_requests
@never_cache
def metrics(request):
    if not allowed(request):
        return HttpResponseForbidden("", content_type="text/plain")
    registry = _registry()
    output = prometheus_client.generate_latest(registry)
    if registry is not prometheus_client.REGISTRY:
        output += prometheus_client.generate_latest(_app_only())
    return HttpResponse(output, content_type=prometheus_client.CONTENT_TYPE_LATEST)


def _app_only():
    registry = prometheus_client.CollectorRegistry()
    registry.register(APP_COLLECTOR)
    return registry


def install() -> None:
    """Once per process (HealthConfig.ready): the app's figures join the default registry."""
    with contextlib.suppress(ValueError):  # already registered (a second ready())
        prometheus_client.REGISTRY.register(APP_COLLECTOR)
