"""A generated register whose dashboard figures are known in advance.

`build(copies=n)` makes n independent copies, so every figure is n times the one worked out in
the tests, and the same page at 1x and 10x must issue the same number of queries.

The register is recorded on RECORDED (February); two actions then change on CHANGED (June), after
SINCE, the default "since" date (three months before TODAY).
"""

import datetime

import time_machine
from django.utils import timezone

from inspections.choices import ActionStatus, Addressee, ItemKind
from inspections.models import TargetDateChange
from responses.choices import ResponseStatus
from responses.deadlines import DeadlineRule
from responses.models import Response
from tests.factories import ActionFactory, ItemFactory, ReportFactory

#: A Monday in British Summer Time, so that Europe/London and UTC disagree about midnight.
TODAY = datetime.date(2026, 6, 15)
SINCE = datetime.date(2026, 3, 15)
RECORDED = datetime.datetime(2026, 2, 2, 10, 0, tzinfo=datetime.UTC)
CHANGED = datetime.datetime(2026, 6, 1, 10, 0, tzinfo=datetime.UTC)
NOW = datetime.datetime(2026, 6, 15, 9, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)
act = ActionFactory


def build(*, copies: int, by, owner_user, start: int = 0) -> None:
    changes = []
    with time_machine.travel(RECORDED, tick=False):
        for n in range(start, start + copies):
            changes += _one(n, by=by, owner_user=owner_user)
    with time_machine.travel(CHANGED, tick=False):
        for action, status in changes:
            action.status = status
            action.closed_at = timezone.now() if status == ActionStatus.CLOSED else None
            action.save()


def _one(n: int, *, by, owner_user) -> list:
    # Report A (2025): a recommendation (A1) overdue, an AFI (A2) open, an AFI (A3) closed in
    # June, a recommendation (A4) with no action yet (open).
    a = ReportFactory(response=None, title=f"Report A{n}", published_on=datetime.date(2025, 6, 1))
    a1, a2, a3, _a4 = (
        ItemFactory(report=a, kind=kind, reference=f"{ref}{n}")
        for kind, ref in (
            (ItemKind.RECOMMENDATION, "A1."),
            (ItemKind.AREA_FOR_IMPROVEMENT, "AFI A2."),
            (ItemKind.AREA_FOR_IMPROVEMENT, "AFI A3."),
            (ItemKind.RECOMMENDATION, "A4."),
        )
    )
    first = act(item=a1, status=ActionStatus.IN_PROGRESS, target_date=TODAY - DAY)
    act(
        item=a1,
        status=ActionStatus.AWAITING_ALLOCATION,
        owner_name="",
        target_date=TODAY - 40 * DAY,
    )
    once = act(item=a1, status=ActionStatus.IN_PROGRESS, target_date=TODAY)
    act(
        item=a1,
        status=ActionStatus.PENDING_SIGN_OFF,
        owner_name="Custody",
        target_date=TODAY + 30 * DAY,
    )
    green = act(
        item=a2, status=ActionStatus.IN_PROGRESS, owner_name="Custody", target_date=TODAY + 31 * DAY
    )
    act(
        item=a2,
        status=ActionStatus.CLOSED,
        owner_name="Custody",
        target_date=TODAY - 10 * DAY,
        closed_at=timezone.now(),
    )
    last = act(item=a3, status=ActionStatus.IN_PROGRESS, target_date=TODAY - 20 * DAY)
    # Report B (2024): one recommendation (B1), overdue.
    b = ReportFactory(response=None, title=f"Report B{n}", published_on=datetime.date(2024, 1, 10))
    b1 = ItemFactory(report=b, kind=ItemKind.RECOMMENDATION, reference=f"B1.{n}")
    thrice = act(item=b1, status=ActionStatus.SUPERSEDED, target_date=TODAY - 100 * DAY)
    act(
        item=b1,
        status=ActionStatus.NATIONAL_DEPENDENCY,
        owner_name="",
        owner_user=owner_user,
        target_date=None,
    )
    act(item=b1, status=ActionStatus.PENDING_SIGN_OFF, target_date=TODAY - 5 * DAY)
    # Items JASP does not follow: one for the Home Office, an innovative practice.
    ItemFactory(report=b, reference=f"B2.{n}", addressee=Addressee.HOME_OFFICE)
    ItemFactory(report=b, kind=ItemKind.INNOVATIVE_PRACTICE, reference=f"IP B{n}")
    for action, moves in ((first, 2), (once, 1), (thrice, 3)):
        _moves(action, moves, by)
    _responses(n, a, b)
    return [(green, ActionStatus.PENDING_SIGN_OFF), (last, ActionStatus.CLOSED)]


def _moves(action, count, by):
    """Its first setting (not a move) and `count` moves of its target date."""
    rows = [TargetDateChange(action=action, new_date=TODAY, reason="Set.", changed_by=by)]
    rows += [
        TargetDateChange(
            action=action, old_date=TODAY, new_date=TODAY, reason="Moved.", changed_by=by
        )
        for _ in range(count)
    ]
    TargetDateChange.objects.bulk_create(rows)


def _responses(n, a, b):
    """2025 on time, 2024 late, 2026 pending (due within 30 days), 2016 with no deadline.

    Written straight to the database, so every figure is known: the reports are made with
    ReportFactory(response=None) rather than opening their responses through the services."""
    s55 = DeadlineRule.POLICE_S55
    published = ResponseStatus.PUBLISHED
    c = ReportFactory(response=None, title=f"Report C{n}", published_on=datetime.date(2026, 5, 20))
    d = ReportFactory(response=None, title=f"Report D{n}", published_on=datetime.date(2016, 5, 1))
    Response.objects.bulk_create(
        [
            Response(
                report=a,
                deadline_rule=s55,
                due_on=datetime.date(2025, 7, 26),
                status=published,
                published_on=datetime.date(2025, 7, 26),
            ),
            Response(
                report=b,
                deadline_rule=s55,
                due_on=datetime.date(2024, 3, 5),
                status=published,
                published_on=datetime.date(2024, 3, 6),
            ),
            Response(report=c, deadline_rule=s55, due_on=datetime.date(2026, 7, 14)),
            Response(report=d, deadline_rule=DeadlineRule.NONE),
        ]
    )
