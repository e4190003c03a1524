"""/healthz and /readyz: JSON, no login, ok or failing per part; each part fails when it is
stopped and recovers when it is back."""

import contextlib
import socket
import subprocess
import time

import pytest
from django.db import connection

from health import heartbeats
from health.celery_steps import HeartbeatScheduler
from pccresponse.celery import app as celery_app
from tests.celery_worker import celery_worker

PARTS = {"database", "redis", "worker", "beat"}


def ready(client) -> tuple[int, dict]:
    response = client.get("/readyz")
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    assert set(body["checks"]) == PARTS
    assert set(body["checks"].values()) <= {"ok", "failing"}  # nothing more is told
    return response.status_code, body["checks"]


def wait_for(condition, within: float = 30) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def both_heartbeats() -> None:
    heartbeats.beat(heartbeats.WORKER)
    heartbeats.beat(heartbeats.BEAT)


@pytest.fixture(autouse=True)
def no_heartbeats(db):
    heartbeats.client().delete(heartbeats.WORKER, heartbeats.BEAT)


def test_healthz_answers_anyone_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    assert client.post("/healthz").status_code == 405


def test_readyz_is_ready_when_every_part_is(client):
    both_heartbeats()
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": dict.fromkeys(PARTS, "ok")}


def test_without_a_worker_or_beat_readyz_says_so(client):
    status, checks = ready(client)
    assert status == 503
    assert checks == {"database": "ok", "redis": "ok", "worker": "failing", "beat": "failing"}


def test_a_stale_heartbeat_is_failing(client, settings):
    both_heartbeats()
    settings.HEALTH_WORKER_STALE_SECONDS = 1
    time.sleep(1.5)
    assert ready(client)[1]["worker"] == "failing"
    assert ready(client)[1]["beat"] == "ok"


def test_a_real_worker_is_seen_and_missed_once_stopped(client, settings, tmp_path):
    settings.HEALTH_WORKER_STALE_SECONDS = 3
    assert ready(client)[1]["worker"] == "failing"
    with celery_worker(tmp_path / "worker.log", HEALTH_HEARTBEAT_SECONDS="1"):
        assert wait_for(lambda: ready(client)[1]["worker"] == "ok")
    assert wait_for(lambda: ready(client)[1]["worker"] == "failing", within=10)


def test_beat_is_seen_at_its_scheduler_s_tick(client, tmp_path):
    scheduler = HeartbeatScheduler(app=celery_app, schedule_filename=str(tmp_path / "beat"))
    try:
        assert ready(client)[1]["beat"] == "failing"
        scheduler.tick()
        assert ready(client)[1]["beat"] == "ok"
    finally:
        scheduler.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def redis_server(port: int, folder):
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    process = subprocess.Popen(
        [*command, "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    try:
        assert wait_for(lambda: _pings(), within=10), "redis-server did not start"
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def _pings() -> bool:
    try:
        return bool(heartbeats.client().ping())
    except Exception:
        return False


def test_redis_stopped_fails_and_recovers(client, settings, tmp_path):
    port = _free_port()
    settings.REDIS_URL = f"redis://127.0.0.1:{port}/0"
    with redis_server(port, tmp_path):
        both_heartbeats()
        assert ready(client)[0] == 200
    status, checks = ready(client)
    assert status == 503
    assert checks == {"database": "ok", "redis": "failing", "worker": "failing", "beat": "failing"}
    with redis_server(port, tmp_path):
        assert ready(client)[1]["redis"] == "ok"
        both_heartbeats()  # the worker and beat write again once Redis is back
        assert ready(client)[0] == 200


@pytest.mark.django_db(transaction=True)
def test_the_database_unreachable_fails_and_recovers(client):
    both_heartbeats()
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = str(_free_port())  # nothing listens there
    try:
        status, checks = ready(client)
        assert status == 503
        assert checks == {"database": "failing", "redis": "ok", "worker": "ok", "beat": "ok"}
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert ready(client) == (200, dict.fromkeys(PARTS, "ok"))
