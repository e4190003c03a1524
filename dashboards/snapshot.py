"""A JASP update report's snapshot: the JASP dashboard's figures and the lists of open and
overdue items, as plain JSON, read in one consistent view of the database.

The figures come from the same selector as the dashboard (selectors.jasp_figures), so a paper
frozen on a day holds the numbers the dashboard showed that day. `figures_from` turns a stored
snapshot back into the selector's shape for the same presenter to draw.
"""

import datetime
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Min, OuterRef, Subquery

from core.people import display_name
from inspections.choices import ItemKind
from inspections.models import Action, Item, ProgressUpdate
from responses.models import Office

from .selectors import JaspFigures, followed_items, jasp_figures

SCHEMA = 1
#: Rows kept in each list. A paper of thousands of rows helps no one; the paper says how many
#: more there are, and the live list behind the dashboard has them all.
LIST_LIMIT = 300


def take(*, as_at: datetime.date, since: datetime.date) -> dict:
    """Every figure and list the update report shows, as the JSON it is stored as (so the
    value in hand reads back exactly as the stored one will)."""
    if connection.in_atomic_block:
        # Inside the caller's transaction, whose view of the data is the one to report.
        figures = _read(as_at=as_at, since=since)
    else:
        with transaction.atomic():
            _read_one_snapshot()
            figures = _read(as_at=as_at, since=since)
    return json.loads(json.dumps(figures, cls=DjangoJSONEncoder))


def _read(*, as_at: datetime.date, since: datetime.date) -> dict:
    # Each item's state once, for the figures and the lists alike.
    followed = followed_items(as_at)
    figures = jasp_figures(today=as_at, since=since, followed=followed)
    office = Office.objects.first()
    return {
        "schema": SCHEMA,
        "office": office.name if office else "",
        "force": office.force_name if office else "",
        "items": figures.items,
        "by_kind": figures.by_kind,
        "by_report": figures.by_report,
        "by_year": figures.by_year,
        "since": figures.since,
        "record": figures.record,
        "record_total": figures.record_total,
        # The window "due soon" had when the paper was frozen (settings.DUE_SOON_DAYS).
        "window_days": settings.DUE_SOON_DAYS,
        "upcoming_responses": [
            {"title": r.report.title, "due_on": r.due_on} for r in figures.upcoming_responses
        ],
        "upcoming_actions": [
            {"report": a.item.report.title, "item": str(a.item), "target_date": a.target_date}
            for a in figures.upcoming_actions
        ],
        "overdue_items": item_rows(followed, state="overdue"),
        "open_items": item_rows(followed, state="open"),
    }


def _read_one_snapshot() -> None:
    """On PostgreSQL every query in the transaction reads the same committed state, so the
    totals and the lists agree even while others write. (SQLite's transaction already does.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def item_rows(followed: list[dict], *, state: str) -> dict:
    """The followed items in one state, in report order, each with its latest progress update."""
    in_state = [item["pk"] for item in followed if item["state"] == state]
    unfinished = Action.objects.filter(item=OuterRef("pk")).unfinished()
    latest = ProgressUpdate.objects.filter(action__item=OuterRef("pk")).order_by(
        "-written_at", "-pk"
    )
    items = (
        Item.objects.filter(pk__in=in_state)
        .select_related("report")
        .annotate(
            next_target=Subquery(
                unfinished.values("item").annotate(first=Min("target_date")).values("first")[:1]
            ),
            latest_update_id=Subquery(latest.values("pk")[:1]),
        )
        .order_by("report__published_on", "report__title", "position", "pk")
    )
    shown = list(items[:LIST_LIMIT])
    updates = ProgressUpdate.objects.select_related("author").in_bulk(
        [item.latest_update_id for item in shown if item.latest_update_id]
    )
    return {"total": len(in_state), "rows": [_item_row(item, updates) for item in shown]}


def _item_row(item, updates: dict) -> dict:
    update = updates.get(item.latest_update_id)
    return {
        "report": item.report.title,
        "published_on": item.report.published_on,
        "item": f"{ItemKind(item.kind).label} {item.reference}",
        "text": item.text,
        "hmicfrs_deadline": item.hmicfrs_deadline,
        "next_target": item.next_target,
        "update": None
        if update is None
        else {
            "text": update.text,
            "written_on": update.written_at.date(),
            "author": display_name(update.author),
        },
    }


# --- Reading a stored snapshot back --------------------------------------------------------


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _with_dates(rows: list[dict], *keys: str) -> list[dict]:
    return [row | {key: _date(row[key]) for key in keys} for row in rows]


def figures_from(snapshot: dict) -> JaspFigures:
    """The stored figures in the selector's shape, dates as dates, for the presenter."""
    return JaspFigures(
        items=snapshot["items"],
        by_kind=snapshot["by_kind"],
        by_report=_with_dates(snapshot["by_report"], "report__published_on"),
        by_year=snapshot["by_year"],
        since=snapshot["since"],
        record=snapshot["record"],
        record_total=snapshot["record_total"],
        upcoming_responses=_with_dates(snapshot["upcoming_responses"], "due_on"),
        upcoming_actions=_with_dates(snapshot["upcoming_actions"], "target_date"),
    )


def item_list_from(stored: dict) -> dict:
    rows = []
    for row in _with_dates(stored["rows"], "published_on", "hmicfrs_deadline", "next_target"):
        update = row["update"]
        if update is not None:
            row["update"] = update | {"written_on": _date(update["written_on"])}
        rows.append(row)
    return {"total": stored["total"], "rows": rows, "more": stored["total"] - len(rows)}
