"""Real processes for the fault tests: Redis, Celery workers and beat, and an SMTP sink, all on
loopback ports picked here, every one stopped when the test ends, however it ends."""

import contextlib
import email
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout: float, what: str, every: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class SmtpSink:
    """Counts every message accepted, by Message-ID."""

    def __init__(self):
        self.message_ids: list[str] = []
        self._lock = threading.Lock()
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # a line per SMTP command

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content)
        with self._lock:
            # The header may arrive folded onto a second line: compare the ID itself.
            self.message_ids.append("".join(str(message["Message-ID"]).split()))
        return "250 OK"

    def __enter__(self):
        self._controller.start()
        return self

    def __exit__(self, *exc):
        self._controller.stop()


class Processes:
    """Starts and kills the processes of one test; on exit, kills whatever is still running."""

    def __init__(self, workdir: Path, env: dict[str, str]):
        self.workdir = workdir
        self.env = {**os.environ, **env}
        self.running: dict[str, subprocess.Popen] = {}
        self.kills = 0

    def start(self, name: str, args: list[str]) -> subprocess.Popen:
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        self.running[name] = process
        return process

    def start_redis(self, port: int) -> None:
        args = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
        self.start("redis", [*args, "--appendonly", "no", "--dir", str(self.workdir)])
        wait_until(lambda: listening(port), 10, "Redis")

    def start_worker(self, name: str) -> None:
        quiet = ("--without-gossip", "--without-mingle", "--loglevel=WARNING")
        self.start(
            name, [CELERY, "-A", "pccresponse", "worker", "--pool=solo", "-n", f"{name}@%h", *quiet]
        )

    def start_beat(self, name: str) -> None:
        schedule = self.workdir / f"{name}-schedule"
        self.start(
            name, [CELERY, "-A", "pccresponse", "beat", "-s", str(schedule), "-l", "WARNING"]
        )

    def kill(self, name: str) -> None:
        process = self.running.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        self.kills += 1

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
            for path in sorted(self.workdir.glob("*.log"))
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for process in self.running.values():
            if process.poll() is None:
                process.kill()
        for process in self.running.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
        self.running.clear()
