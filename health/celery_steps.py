"""The Celery side of the heartbeats: a worker bootstep and a beat scheduler.

The bootstep runs in the worker's main process on the worker's own timer, so it beats while
the worker is up and consuming, whatever its pool children are doing (a long render does not
silence it). The scheduler writes at every tick; settings.CELERY_BEAT_MAX_LOOP_INTERVAL keeps
ticks at most a minute apart.
"""

import logging
import time

from celery import bootsteps, signals
from celery.beat import PersistentScheduler
from django.conf import settings

from . import heartbeats

log = logging.getLogger(__name__)


def _beat(key: str) -> None:
    try:
        heartbeats.beat(key)
    except Exception as error:
        log.warning("could not write the %s heartbeat: %s", key, error)


class WorkerHeartbeat(bootsteps.StartStopStep):
    requires = ("celery.worker.components:Timer",)

    def __init__(self, worker, **kwargs):
        super().__init__(worker, **kwargs)
        self.timer_ref = None

    def start(self, worker):
        _beat(heartbeats.WORKER)
        self.timer_ref = worker.timer.call_repeatedly(
            settings.HEALTH_HEARTBEAT_SECONDS, _beat, (heartbeats.WORKER,), priority=10
        )

    def stop(self, worker):
        if self.timer_ref is not None:
            self.timer_ref.cancel()
            self.timer_ref = None


class HeartbeatScheduler(PersistentScheduler):
    """Celery's default scheduler, telling /readyz at each tick that beat is running."""

    def tick(self, *args, **kwargs):
        _beat(heartbeats.BEAT)
        return super().tick(*args, **kwargs)


# Task outcomes and durations for /metrics, counted in Redis by whichever worker ran the task.
_started: dict[str, float] = {}


@signals.task_prerun.connect
def _task_started(task_id=None, **kwargs):
    _started[task_id] = time.monotonic()


@signals.task_postrun.connect
def _task_finished(task_id=None, task=None, state=None, **kwargs):
    started = _started.pop(task_id, None)
    if started is None or task is None:
        return
    from .metrics import record_task

    try:
        record_task(task.name, str(state or "UNKNOWN").lower(), time.monotonic() - started)
    except Exception as error:
        log.warning("could not count task %s: %s", task.name, error)
