"""On real processes: Redis, Celery workers and beat, and an SMTP sink, on loopback ports.

1,000 reminders fall due while workers are SIGKILLed again and again and Redis is restarted
once (losing its queue); every one arrives, no row is written twice, and an email that went
twice (a worker killed between SMTP and recording it) carries the same Message-ID both times.
Two beat processes at once send nothing twice. Each test is bounded in time and stops every
process it started however it ends.
"""

import time

import pytest
from django.db import connection

from reminders.choices import DigestState, ReminderState
from reminders.models import Delivery, Digest, Reminder

from .due import due_reminders
from .processes import Processes, SmtpSink, free_port, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

#: A lease this short lets a killed worker's digest be handed over within seconds.
LEASE_SECONDS = 3


@pytest.fixture
def services_env(tmp_path):
    """The environment the worker and beat processes run with: this test's database."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return {
        "DJANGO_SETTINGS_MODULE": "tests.reminders.fault_settings",
        "DATABASE_URL": url,
        "REMINDERS_LEASE_SECONDS": str(LEASE_SECONDS),
        "REMINDERS_SCAN_SECONDS": "1",
    }


def sent_count() -> int:
    return Digest.objects.filter(state=DigestState.SENT).count()


def test_a_thousand_reminders_survive_killed_workers_and_a_redis_restart(services_env, tmp_path):
    due_reminders(1000)
    redis_port = free_port()
    started = time.monotonic()
    with SmtpSink() as sink, Processes(tmp_path, services_env) as processes:
        processes.env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
        processes.env["REMINDERS_SMTP_PORT"] = str(sink.port)
        processes.start_redis(redis_port)
        for name in ("worker1", "worker2"):
            processes.start_worker(name)
        processes.start_beat("beat")
        try:
            _kill_and_restart_while_sending(processes, sink, redis_port)
            wait_until(lambda: sent_count() == 1000, 150, "every digest to be sent", every=0.5)
        except TimeoutError as error:
            pytest.fail(f"{error}: {sent_count()} sent\n{processes.logs()}")
        kills = processes.kills
    elapsed = time.monotonic() - started

    received = sink.message_ids
    stored = set(Digest.objects.values_list("message_id", flat=True))
    repeated = len(received) - len(set(received))
    print(
        f"\nfault test: {len(stored)} digests, {len(received)} emails received, "
        f"{kills} SIGKILLs (Redis restarted once), {repeated} repeated (same Message-ID), "
        f"{elapsed:.1f} s"
    )
    assert Reminder.objects.filter(state=ReminderState.DISPATCHED).count() == 1000
    assert Delivery.objects.count() == 1000  # one per reminder and person: none lost, none twice
    assert len(stored) == Digest.objects.count() == 1000
    assert set(received) == stored  # every digest arrived; no email with a Message-ID of its own
    assert kills >= 5


def _kill_and_restart_while_sending(processes, sink, redis_port) -> None:
    """Kill a worker every time another ~120 emails have gone, five times in all, and restart
    Redis (which keeps nothing on disk) in the middle."""
    for round_ in range(5):
        goal = 120 * (round_ + 1)
        wait_until(lambda goal=goal: len(sink.message_ids) >= goal, 60, f"{goal} emails", 0.02)
        name = f"worker{round_ % 2 + 1}"
        processes.kill(name)
        if round_ == 2:
            processes.kill("redis")
            processes.kills -= 1  # counted apart: the one Redis restart
            processes.start_redis(redis_port)
        processes.start_worker(name)


def test_two_beat_processes_at_once_send_nothing_twice(services_env, tmp_path):
    due_reminders(100)
    redis_port = free_port()
    with SmtpSink() as sink, Processes(tmp_path, services_env) as processes:
        processes.env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
        processes.env["REMINDERS_SMTP_PORT"] = str(sink.port)
        processes.env["REMINDERS_SCAN_SECONDS"] = "0.5"
        processes.start_redis(redis_port)
        for name in ("worker1", "worker2"):
            processes.start_worker(name)
        for name in ("beat1", "beat2"):
            processes.start_beat(name)
        try:
            wait_until(lambda: sent_count() == 100, 90, "every digest to be sent", every=0.5)
            time.sleep(3)  # bounded: a few more scans by both beats, which must send nothing
        except TimeoutError as error:
            pytest.fail(f"{error}: {sent_count()} sent\n{processes.logs()}")

    assert len(sink.message_ids) == len(set(sink.message_ids)) == 100
    assert Delivery.objects.count() == 100
    assert Digest.objects.count() == 100
