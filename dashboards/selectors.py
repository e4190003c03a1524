"""The dashboards' figures: aggregate queries, a fixed number whatever the data size."""

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear

from inspections.choices import ActionStatus
from inspections.models import Action, Item, Report, TargetDateChange
from inspections.querysets import (
    due_soon_q,
    due_soon_window,
    overdue_q,
    unfinished_q,
)
from responses.models import Response, ResponseQuerySet

from .annotations import (
    PENDING,
    changed_since_q,
    item_action_counts,
    item_state,
    start_of,
    status_at,
)

#: The reports a dashboard's "by report" table shows: those with the most overdue; the lists
#: behind the figures hold every report.
REPORTS_SHOWN = 20


@dataclass(frozen=True)
class DccFigures:
    headline: dict[str, int]
    by_status: list[tuple[str, str, int]]
    by_owner: list[dict]
    by_report: list[dict]


def dcc_figures(*, today: datetime.date) -> DccFigures:
    headline = Action.objects.aggregate(
        open=Count("pk", filter=unfinished_q()),
        overdue=Count("pk", filter=overdue_q(today)),
        soon=Count("pk", filter=due_soon_q(today)),
        pending=Count("pk", filter=Q(status=PENDING)),
    )
    headline["moved"] = moved_more_than_once()
    counts = dict(Action.objects.values_list("status").annotate(n=Count("pk")).order_by())
    by_status = [(value, label, counts.get(value, 0)) for value, label in ActionStatus.choices]
    # owner_shown is annotated by with_owner_label, which the type checker cannot follow.
    by_owner = list(
        Action.objects.unfinished()
        .with_owner_label()
        .values("owner_shown")  # type: ignore[misc]
        .annotate(**_action_counts(today))
        .order_by("owner_shown")
    )
    return DccFigures(headline, by_status, by_owner, reports_with_most_overdue_actions(today))


def moved_more_than_once() -> int:
    """annotate_actions' moves > 1, counted from the moves alone (no per-action subquery)."""
    moves = TargetDateChange.objects.filter(old_date__isnull=False).values("action")
    return moves.annotate(n=Count("pk")).filter(n__gt=1).count()


def reports_with_most_overdue_actions(today: datetime.date) -> list[dict]:
    """The REPORTS_SHOWN reports with the most overdue actions (then the most unfinished)."""
    counted = Action.objects.values("item__report").annotate(
        total=Count("pk"), **_action_counts(today)
    )
    ranked = counted.order_by("-overdue", "-open", "item__report")  # type: ignore[misc]
    rows: list[dict[str, Any]] = [dict(row) for row in ranked[:REPORTS_SHOWN]]
    reports = Report.objects.only("title", "published_on").in_bulk(
        [r["item__report"] for r in rows]
    )
    for row in rows:
        report = reports[row["item__report"]]
        row.update(pk=report.pk, title=report.title, published_on=report.published_on)
    return rows


def _action_counts(today: datetime.date, prefix: str = "") -> dict:
    unfinished = unfinished_q(prefix)
    key = f"{prefix}pk" if prefix else "pk"
    return {
        "open": Count(key, filter=unfinished),
        "overdue": Count(key, filter=overdue_q(today, prefix)),
        "soon": Count(key, filter=due_soon_q(today, prefix)),
        "pending": Count(key, filter=Q(**{f"{prefix}status": PENDING})),
    }


# --- JASP ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JaspFigures:
    items: dict
    by_kind: list[dict]
    by_report: list[dict]
    by_year: list[dict]
    since: dict
    record: list[dict]
    record_total: dict
    upcoming_responses: list
    upcoming_actions: list


def jasp_figures(
    *, today: datetime.date, since: datetime.date, followed: list[dict] | None = None
) -> JaspFigures:
    """`followed`: followed_items(today), when the caller has it already."""
    if followed is None:
        followed = followed_items(today)
    record, record_total = statutory_record()
    by_kind = _tally(followed, lambda item: item["kind"], "kind")
    return JaspFigures(
        items={key: sum(row[key] for row in by_kind) for key in ("open", "overdue", "closed")},
        by_kind=by_kind,
        by_report=_top_reports(_tally(followed, lambda item: item["report"], "report")),
        by_year=_tally(followed, lambda item: item["year"], "year"),
        since=since_figures(since=since, followed=followed),
        record=record,
        record_total=record_total,
        upcoming_responses=upcoming_responses(today=today),
        upcoming_actions=upcoming_actions(today=today),
    )


def followed_items(today: datetime.date) -> list[dict]:
    """Every followed item (tracked_items' set) with its report, year, kind, state and when its
    last action closed: one query grouped by item, so every breakdown is a sum over its rows."""
    rows = (
        Item.objects.tracked()
        .values("pk", "kind", "report")
        .annotate(**item_action_counts(today))
        .order_by()
    )
    # The year from a map of the reports: grouping by it too would cost a sort of every action.
    years = dict(Report.objects.values_list("pk", ExtractYear("published_on")))
    counts = ("actions_n", "unfinished_n", "overdue_n")
    return [
        row | {"year": years[row["report"]], "state": item_state(**{k: row[k] for k in counts})}  # type: ignore[literal-required]
        for row in rows
    ]


def _tally(items: list[dict], key: Callable[[dict], Any], name: str) -> list[dict]:
    """Open (overdue included), overdue and closed items per key, in the key's order."""
    rows: dict = defaultdict(lambda: {"open": 0, "overdue": 0, "closed": 0})
    for item in items:
        row = rows[key(item)]
        row["closed" if item["state"] == "closed" else "open"] += 1
        row["overdue"] += item["state"] == "overdue"
    return [{name: k, **counts} for k, counts in sorted(rows.items())]


def _top_reports(rows: list[dict]) -> list[dict]:
    """The REPORTS_SHOWN reports with the most overdue items (then the most open)."""
    rows = sorted(rows, key=lambda row: (-row["overdue"], -row["open"], row["report"]))
    rows = rows[:REPORTS_SHOWN]
    reports = Report.objects.only("title", "published_on").in_bulk([r["report"] for r in rows])
    for row in rows:
        report = reports[row["report"]]
        row.update(report__title=report.title, report__published_on=report.published_on)
    return rows


def since_figures(*, since: datetime.date, followed: list[dict]) -> dict:
    actions = Action.objects.annotate(status_at_since=status_at(since))
    start = start_of(since)
    return {
        "changed": actions.filter(changed_since_q(since)).count(),
        "closed": Action.objects.filter(closed_at__gte=start).count(),
        "items_closed": sum(_closed_since(item, start) for item in followed),
    }


def _closed_since(item: dict, start: datetime.datetime) -> bool:
    """Closed now, and its last action closed on or after start (an item finished by superseding
    alone has no closing date, so it was not closed since)."""
    last = item["last_closed_at"]
    return item["state"] == "closed" and last is not None and last >= start


def statutory_record() -> tuple[list[dict], dict]:
    """Per year of the report's publication: responses published on time, late, pending (not yet
    published), and reports with no statutory deadline."""
    with_deadline = Q(due_on__isnull=False)
    published = Q(published_on__isnull=False)
    counts = {
        "on_time": Count("pk", filter=with_deadline & published & Q(published_on__lte=F("due_on"))),
        "late": Count("pk", filter=with_deadline & published & Q(published_on__gt=F("due_on"))),
        "pending": Count("pk", filter=with_deadline & ~published),
        "no_deadline": Count("pk", filter=~with_deadline),
    }
    rows = list(
        _registered_responses()
        .annotate(year=ExtractYear("report__published_on"))
        .values("year")
        .annotate(**counts)
        .order_by("-year")
    )
    total = {key: sum(row[key] for row in rows) for key in counts}
    return rows, total


def _registered_responses() -> ResponseQuerySet:
    """The responses to reports in the register: a withdrawn report's response counts nowhere."""
    return Response.objects.filter(report__withdrawn_at__isnull=True)


def upcoming_responses(*, today: datetime.date) -> list[Response]:
    return list(
        _registered_responses()
        .unpublished()
        .filter(due_on__range=(today, today + due_soon_window()))
        .select_related("report")
        .order_by("due_on", "pk")
    )


def upcoming_actions(*, today: datetime.date) -> list[Action]:
    return list(
        Action.objects.filter(due_soon_q(today))
        .select_related("item__report")
        .order_by("target_date", "pk")[:50]
    )
