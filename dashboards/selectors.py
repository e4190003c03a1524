"""The dashboards' figures: aggregate queries, a fixed number whatever the data size."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear

from inspections.choices import ActionStatus
from inspections.models import Action, Report
from responses.models import Response

from .annotations import (
    PENDING,
    SOON,
    UNFINISHED,
    UNFINISHED_VALUES,
    annotate_actions,
    changed_since_q,
    due_soon_q,
    overdue_q,
    tracked_items,
)
from .lists import last_closed_at, start_of


@dataclass(frozen=True)
class DccFigures:
    headline: dict[str, int]
    by_status: list[tuple[str, str, int]]
    by_owner: list[dict]
    by_report: list[dict]


def dcc_figures(*, today: datetime.date) -> DccFigures:
    actions = annotate_actions(Action.objects.all())
    headline = Action.objects.aggregate(
        open=Count("pk", filter=UNFINISHED),
        overdue=Count("pk", filter=overdue_q(today)),
        soon=Count("pk", filter=due_soon_q(today)),
        pending=Count("pk", filter=Q(status=PENDING)),
    )
    headline["moved"] = actions.filter(moves__gt=1).count()
    counts = dict(Action.objects.values_list("status").annotate(n=Count("pk")).order_by())
    by_status = [(value, label, counts.get(value, 0)) for value, label in ActionStatus.choices]
    by_owner = list(
        actions.filter(UNFINISHED)
        .values("owner_shown")
        .annotate(**_action_counts(today))
        .order_by("owner_shown")
    )
    by_report = list(
        Report.objects.annotate(
            total=Count("items__actions"),
            **_action_counts(today, prefix="items__actions__"),
        )
        .filter(total__gt=0)
        .values("pk", "title", "published_on", "total", "open", "overdue", "soon", "pending")
        .order_by("-published_on", "title")
    )
    return DccFigures(headline, by_status, by_owner, by_report)


def _action_counts(today: datetime.date, prefix: str = "") -> dict:
    unfinished = Q(**{f"{prefix}status__in": UNFINISHED_VALUES})
    key = f"{prefix}pk" if prefix else "pk"
    return {
        "open": Count(key, filter=unfinished),
        "overdue": Count(key, filter=overdue_q(today, prefix)),
        "soon": Count(key, filter=due_soon_q(today, prefix)),
        "pending": Count(key, filter=Q(**{f"{prefix}status": PENDING})),
    }


# --- JASP ------------------------------------------------------------------------------------


def _item_counts() -> dict:
    return {
        "open": Count("pk", filter=~Q(state="closed")),
        "overdue": Count("pk", filter=Q(state="overdue")),
        "closed": Count("pk", filter=Q(state="closed")),
    }


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


def jasp_figures(*, today: datetime.date, since: datetime.date) -> JaspFigures:
    items = tracked_items(today)
    totals = items.aggregate(**_item_counts())
    by_kind = list(items.values("kind").annotate(**_item_counts()).order_by("kind"))
    by_report = list(
        items.values("report", "report__title", "report__published_on")
        .annotate(**_item_counts())
        .order_by("-report__published_on", "report__title")
    )
    by_year = list(
        items.annotate(year=ExtractYear("report__published_on"))
        .values("year")
        .annotate(**_item_counts())
        .order_by("year")
    )
    record, record_total = statutory_record()
    return JaspFigures(
        items=totals,
        by_kind=by_kind,
        by_report=by_report,
        by_year=by_year,
        since=since_figures(today=today, since=since),
        record=record,
        record_total=record_total,
        upcoming_responses=upcoming_responses(today=today),
        upcoming_actions=upcoming_actions(today=today),
    )


def since_figures(*, today: datetime.date, since: datetime.date) -> dict:
    actions = annotate_actions(Action.objects.all(), since=since)
    figures = actions.aggregate(
        changed=Count("pk", filter=changed_since_q()),
        closed=Count("pk", filter=Q(closed_at__gte=start_of(since))),
    )
    figures["items_closed"] = (
        tracked_items(today)
        .annotate(last_closed_at=last_closed_at())
        .filter(state="closed", last_closed_at__gte=start_of(since))
        .count()
    )
    return figures


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
        Response.objects.annotate(year=ExtractYear("report__published_on"))
        .values("year")
        .annotate(**counts)
        .order_by("-year")
    )
    total = {key: sum(row[key] for row in rows) for key in counts}
    return rows, total


def upcoming_responses(*, today: datetime.date):
    return list(
        Response.objects.filter(due_on__range=(today, today + SOON), published_on__isnull=True)
        .select_related("report")
        .order_by("due_on", "pk")
    )


def upcoming_actions(*, today: datetime.date):
    return list(
        Action.objects.filter(due_soon_q(today))
        .select_related("item__report")
        .order_by("target_date", "pk")[:50]
    )
