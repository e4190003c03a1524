"""`make bench`, step 1: a national-scale register in PostgreSQL (run under scripts/services.sh).

About 43 forces' worth over ten years: 1,700 reports with their section 55 responses, 25,000
items, 100,000 actions, 300,000 progress updates, with the trails the services leave (history,
target-date changes, evidence, sign-off, response versions, published versions, dispatches).
Dates are relative to today (the server under test reads the real clock); the rest is fixed by
SEED. SCALE=n multiplies the sizes (SCALE=0.1 for a quick look). Users' password: BENCH_PASSWORD.
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pccresponse.settings.production")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from national.actions import Actions  # noqa: E402
from national.clock import Clock  # noqa: E402
from national.people import make_office, make_people  # noqa: E402
from national.register import Register  # noqa: E402
from national.responses import Responses  # noqa: E402
from national.tables import reset_sequences  # noqa: E402

from inspections.choices import ItemKind  # noqa: E402
from reminders.services import reminders_rebuild_all  # noqa: E402

SCALE = float(os.environ.get("SCALE", 1))
SEED = int(os.environ.get("SEED", 2026))
PASSWORD = os.environ.get("BENCH_PASSWORD", "bench-password-not-secret")
FOLLOWED = (ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT)


def a_pdf() -> bytes:
    """One real PDF, stored for every published version (rendering 1,600 would take minutes)."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    return HTML(string="<h1>Section 55 response</h1><p>The letter and its annex.</p>").write_pdf()


def build(clock: Clock) -> list:
    people = make_people(rng=clock.rng, force_users=round(300 * max(SCALE, 0.1)), password=PASSWORD)
    make_office(first_day=clock.today.replace(year=clock.today.year - 10))
    register = Register(clock, people.opcc)
    reports = register.make(round(1700 * SCALE))
    followed = [
        item
        for report in reports
        for item in report.items
        if item.action_required and item.kind in FOLLOWED
    ]
    actions = Actions(clock, people)
    actions.make(followed, total=round(100_000 * SCALE), updates=round(300_000 * SCALE))
    responses = Responses(clock, people, a_pdf())
    responses.make(reports)
    return register.tables() + actions.tables() + responses.tables()


def main() -> None:
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    clock = Clock(today=timezone.localdate(), now=timezone.now(), rng=random.Random(SEED))
    with transaction.atomic():
        tables = build(clock)
        built = time.perf_counter()
        for table in tables:
            table.write()
        reset_sequences(tables)
    written = time.perf_counter()
    planned = reminders_rebuild_all(today=clock.today)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum would have left a long-lived database
    for table in tables:
        print(f"{len(table.rows):>9,} {table.model._meta.verbose_name_plural}")
    print(f"{planned:>9,} reminders planned")
    print(
        f"generated in {time.perf_counter() - started:.0f} s (rows built {built - started:.0f} s, "
        f"written {written - built:.0f} s)"
    )


if __name__ == "__main__":
    main()
