"""`make bench-reminders`: the reminders scan over 100,000 actions and 1,000 responses, a few
hundred of them due, on PostgreSQL (run under scripts/services.sh). Prints the median time of the
scan (each run rolled back, so each does the same work), then runs it for real once and checks a
repeat run writes nothing.

RUNS=n sets the number of timed runs (default 7); ACTIONS and RESPONSES the sizes.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pccresponse.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from accounts.roles import Role  # noqa: E402
from inspections.models import Action, Item, Report  # noqa: E402
from reminders.models import Reminder  # noqa: E402
from reminders.scan import reminders_scan  # noqa: E402
from reminders.schedule import due_at  # noqa: E402
from reminders.services import reminders_rebuild_all  # noqa: E402
from responses.models import Response  # noqa: E402
from tests.factories import UserFactory  # noqa: E402

ACTIONS = int(os.environ.get("ACTIONS", 100_000))
RESPONSES = int(os.environ.get("RESPONSES", 1_000))
RUNS = int(os.environ.get("RUNS", 7))
TODAY = datetime.date(2026, 6, 1)
#: Target dates spread over this many days ahead: about ACTIONS / SPREAD fall on each day.
SPREAD = 1000


def populate() -> None:
    owners = [UserFactory(username=f"force{n}", role=Role.FORCE_STAFF) for n in range(200)]
    UserFactory(username="opcc", role=Role.OPCC_STAFF)
    UserFactory(username="dcc", role=Role.DCC)
    reports = Report.objects.bulk_create(
        Report(
            title=f"Report {n}",
            report_type="peel",
            scope="this_force",
            published_on=TODAY + datetime.timedelta(days=n % SPREAD - 55),
        )
        for n in range(RESPONSES)
    )
    Response.objects.bulk_create(
        Response(
            report=r,
            deadline_rule="police_s55",
            due_on=r.published_on + datetime.timedelta(days=55),
        )
        for r in reports
    )
    items = Item.objects.bulk_create(
        Item(
            report=r,
            kind="recommendation",
            reference="1",
            text="Do it.",
            addressee="this_force",
            action_required=True,
        )
        for r in reports
    )
    Action.objects.bulk_create(
        (
            Action(
                item=items[n % len(items)],
                description=f"Action {n}",
                owner_user=owners[n % len(owners)],
                target_date=TODAY + datetime.timedelta(days=n % SPREAD),
                status="in_progress",
            )
            for n in range(ACTIONS)
        ),
        batch_size=5000,
    )
    reminders_rebuild_all(today=TODAY)


def footprint() -> list[tuple]:
    """Rows and the newest row version of each reminders table: any write changes it."""
    with connection.cursor() as cursor:
        result = []
        for table in ("reminders_reminder", "reminders_delivery", "reminders_digest"):
            cursor.execute(f"SELECT count(*), max(xmin::text::bigint) FROM {table}")
            result.append(cursor.fetchone())
        return result


def timed_scan(now) -> tuple[float, object]:
    started = time.perf_counter()
    result = reminders_scan(now=now)
    return time.perf_counter() - started, result


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    populate()
    took = time.perf_counter() - started
    print(f"populated {ACTIONS} actions, {RESPONSES} responses in {took:.0f} s")
    print(f"{Reminder.objects.count()} reminder rows planned")
    now = due_at(TODAY) + datetime.timedelta(minutes=1)
    times = []
    for _ in range(RUNS):
        with transaction.atomic():
            seconds, result = timed_scan(now)
            times.append(seconds)
            transaction.set_rollback(True)  # so that every run does the same work
    print(f"due: {result.dispatched} reminders, {result.deliveries} deliveries, ", end="")
    print(f"{len(result.to_send)} digests")
    ms = sorted(round(t * 1000) for t in times)
    print(f"scan median {statistics.median(ms):.0f} ms over {RUNS} runs (all: {ms} ms)")
    if os.environ.get("PROFILE"):
        import cProfile

        with transaction.atomic():
            cProfile.runctx("timed_scan(now)", globals(), locals(), sort="cumulative")
            transaction.set_rollback(True)
    timed_scan(now)
    before = footprint()
    seconds, again = timed_scan(now + datetime.timedelta(minutes=1))
    writes = "nothing" if footprint() == before and not again.to_send else "SOMETHING"
    print(f"repeat run: {seconds * 1000:.0f} ms, wrote {writes}")
    if writes != "nothing":
        sys.exit(1)


if __name__ == "__main__":
    main()
