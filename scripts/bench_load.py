"""`make bench`, step 3: 20 clients on loopback against the running server for a bounded time.

Each client signs in through the login form (as the JASP member and as the DCC; both sessions
are shared by every client) and then asks, one after another with no pause, for a page picked
at random: the JASP dashboard (as the JASP member), the DCC dashboard (as the DCC), a random
page of the register, a random item, or the floor, the account page (a trivial page through
the same middleware and session). Requests carry X-Forwarded-Proto: https as the TLS proxy in
front of production does. After WARMUP seconds, DURATION seconds are measured; prints per page
p50 and p95 and their ratios to the floor's, and exits non-zero if any response was not a 200.

The clients are threads using http.client (little CPU); the script reports the CPU it used.
Knobs: CLIENTS (20), DURATION (30), WARMUP (5), SEED.
"""

import argparse
import http.client
import os
import random
import re
import resource
import statistics
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field

CLIENTS = int(os.environ.get("CLIENTS", 20))
DURATION = float(os.environ.get("DURATION", 30))
WARMUP = float(os.environ.get("WARMUP", 5))
PASSWORD = os.environ.get("BENCH_PASSWORD", "bench-password-not-secret")
TARGET_MS = 150
TARGET_RATIO = 3
FLOOR = "floor (account page)"


@dataclass(frozen=True)
class Page:
    name: str
    persona: str
    path: object  # a callable (rng) -> str


def pages(items: int, register_pages: int) -> list[Page]:
    return [
        Page(FLOOR, "either", lambda rng: "/accounts/me/"),
        Page("JASP dashboard", "jasp1", lambda rng: "/dashboards/jasp/"),
        Page("DCC dashboard", "dcc", lambda rng: "/dashboards/dcc/"),
        Page("register", "either", lambda rng: f"/?page={rng.randint(1, register_pages)}"),
        Page("item page", "either", lambda rng: f"/items/{rng.randint(1, items)}/"),
    ]


class Connection:
    """One keep-alive connection (reopened whenever the server closes it)."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.origin = f"https://{host}:{port}"
        self.http = http.client.HTTPConnection(host, port, timeout=60)

    def request(self, method: str, path: str, cookies: str = "", body: str = ""):
        headers = {"X-Forwarded-Proto": "https", "Cookie": cookies, "Origin": self.origin}
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.http.request(method, path, body=body or None, headers=headers)
        response = self.http.getresponse()
        content = response.read()
        return response.status, response.headers, content


def cookie(headers, name: str) -> str:
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith(f"{name}="):
            return value.split(";", 1)[0]
    raise SystemExit(f"no {name} cookie in {headers}")


def sign_in(connection: Connection, username: str) -> str:
    """The login form, as a browser fills it: its CSRF cookie and token, then the POST."""
    status, headers, page = connection.request("GET", "/accounts/login/")
    csrf = cookie(headers, "csrftoken")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    body = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    status, headers, _ = connection.request("POST", "/accounts/login/", csrf, body)
    if status != 302:
        raise SystemExit(f"signing in as {username} failed: {status}")
    return cookie(headers, "sessionid")


@dataclass
class Results:
    latencies: dict = field(default_factory=lambda: defaultdict(list))
    errors: dict = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, page: str, started: float, took: float, status: int, path: str, measure_from):
        if started < measure_from:
            return
        with self.lock:
            self.latencies[page].append(took * 1000)
            if status != 200:
                self.errors[page].append(f"{status} {path}")


def client(host, port, sessions, catalogue, results, seed, measure_from, stop_at):
    rng = random.Random(seed)
    connection = Connection(host, port)
    while (started := time.perf_counter()) < stop_at:
        page = rng.choice(catalogue)
        persona = page.persona if page.persona != "either" else rng.choice(("jasp1", "dcc"))
        path = page.path(rng)
        try:
            status, _, _ = connection.request("GET", path, sessions[persona])
        except (OSError, http.client.HTTPException) as failure:
            status = f"failed ({failure.__class__.__name__})"
            connection = Connection(host, port)
        results.record(
            page.name, started, time.perf_counter() - started, status, path, measure_from
        )


def percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def table(results: Results, seconds: float) -> bool:
    """Prints the figures; says whether every page met the target."""
    floor = results.latencies[FLOOR]
    floor50, floor95 = percentile(floor, 50), percentile(floor, 95)
    print(
        f"{'page':<22}{'requests':>9}{'errors':>7}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p50/floor':>11}{'p95/floor':>11}  target: p95 <= {TARGET_MS} ms and <= "
        f"{TARGET_RATIO}x the floor's"
    )
    met_all = True
    for name, values in results.latencies.items():
        p50, p95 = percentile(values, 50), percentile(values, 95)
        met = p95 <= TARGET_MS and p95 <= TARGET_RATIO * floor95
        met_all &= met
        print(
            f"{name:<22}{len(values):>9}{len(results.errors[name]):>7}{p50:>9.1f}{p95:>9.1f}"
            f"{p50 / floor50:>10.1f}x{p95 / floor95:>10.1f}x  {'met' if met else 'MISSED'}"
        )
    total = sum(len(v) for v in results.latencies.values())
    print(f"{total} requests in {seconds:.0f} s ({total / seconds:.1f} per second)")
    return met_all


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--reports", type=int, required=True)
    args = parser.parse_args()
    host = "127.0.0.1"
    first = Connection(host, args.port)
    sessions = {name: sign_in(first, name) for name in ("jasp1", "dcc")}
    catalogue = pages(args.items, max(1, -(-args.reports // 25)))
    results = Results()
    start = time.perf_counter()
    measure_from, stop_at = start + WARMUP, start + WARMUP + DURATION
    seed = int(os.environ.get("SEED", 2026))
    threads = [
        threading.Thread(
            target=client,
            args=(host, args.port, sessions, catalogue, results, seed + n, measure_from, stop_at),
        )
        for n in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"{CLIENTS} clients, {WARMUP:.0f} s warm-up, {DURATION:.0f} s measured")
    if table(results, DURATION):
        print("every page met the target")
    cpu = usage.ru_utime + usage.ru_stime
    print(f"the load driver used {cpu:.1f} s of CPU ({cpu / (WARMUP + DURATION):.0%} of one core)")
    errors = [e for page in results.errors.values() for e in page]
    if errors:
        print(f"{len(errors)} requests failed, e.g. {errors[:5]}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
