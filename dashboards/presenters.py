"""Turn the figures into what the templates show: each number with the list behind it."""

import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse

from inspections.choices import ItemKind

from .charts import bar_chart
from .querystrings import link
from .selectors import REPORTS_SHOWN, DccFigures, JaspFigures


def actions_url(**params) -> str:
    return link(reverse("dashboards:actions"), **params)


def items_url(**params) -> str:
    return link(reverse("dashboards:items"), **params)


def dcc_context(figures: DccFigures) -> dict:
    h = figures.headline
    headline = [
        ("Unfinished actions", h["open"], actions_url(status="open")),
        ("Overdue", h["overdue"], actions_url(due="overdue", sort="target")),
        (
            f"Due in the next {settings.DUE_SOON_DAYS} days",
            h["soon"],
            actions_url(due="soon", sort="target"),
        ),
        ("Awaiting sign-off", h["pending"], actions_url(status="pending_sign_off")),
        ("Target date moved more than once", h["moved"], actions_url(moved="on", sort="-moves")),
    ]
    statuses: list[dict[str, Any]] = [
        {"label": label, "count": n, "url": actions_url(status=value)}
        for value, label, n in figures.by_status
    ]
    owners = [_owner_row(row) for row in figures.by_owner]
    reports = [_report_row(row) for row in figures.by_report]
    chart = bar_chart(
        slug="status-mix",
        title="Actions by status",
        rows=[(s["label"], [("Actions", s["count"], "open")]) for s in statuses],
    )
    return {
        "headline": headline,
        "statuses": statuses,
        "owners": owners,
        "reports": reports,
        "reports_shown": REPORTS_SHOWN,
        "all_reports_url": actions_url(sort="report"),
        "status_chart": chart,
        "due_soon_days": settings.DUE_SOON_DAYS,
    }


def _owner_row(row: dict) -> dict:
    owner = row["owner_shown"]
    return {
        "label": owner,
        "cells": [
            (row["open"], actions_url(owner=owner, status="open")),
            (row["overdue"], actions_url(owner=owner, due="overdue")),
            (row["soon"], actions_url(owner=owner, due="soon")),
            (row["pending"], actions_url(owner=owner, status="pending_sign_off")),
        ],
    }


def _report_row(row: dict) -> dict:
    report = row["pk"]
    return {
        "label": row["title"],
        "published_on": row["published_on"],
        "cells": [
            (row["total"], actions_url(report=report)),
            (row["open"], actions_url(report=report, status="open")),
            (row["overdue"], actions_url(report=report, due="overdue")),
            (row["soon"], actions_url(report=report, due="soon")),
            (row["pending"], actions_url(report=report, status="pending_sign_off")),
        ],
    }


def _item_cells(row: dict, linked: bool, **params) -> list[tuple[int, str | None]]:
    """The open, overdue and closed counts, each linked to its list unless `linked` is off
    (a frozen paper: today's list would not hold the numbers it shows)."""
    return [
        (row[state], items_url(state=state, **params) if linked else None)
        for state in ("open", "overdue", "closed")
    ]


def _segments(row: dict) -> list[tuple[str, int, str]]:
    return [
        ("Overdue", row["overdue"], "overdue"),
        ("Open, not overdue", row["open"] - row["overdue"], "open"),
        ("Closed", row["closed"], "closed"),
    ]


def jasp_context(figures: JaspFigures, *, since: datetime.date, linked: bool = True) -> dict:
    kinds = dict(ItemKind.choices)
    by_kind = [
        {"label": kinds[row["kind"]], "cells": _item_cells(row, linked, kind=row["kind"])}
        for row in figures.by_kind
    ]
    by_year = [
        {"label": row["year"], "cells": _item_cells(row, linked, year=row["year"])}
        for row in figures.by_year
    ]
    by_report = [
        {
            "label": row["report__title"],
            "published_on": row["report__published_on"],
            "cells": _item_cells(row, linked, report=row["report"]),
        }
        for row in figures.by_report
    ]
    return {
        "totals_rows": [{"label": "All", "cells": _item_cells(figures.items, linked)}],
        "by_kind": by_kind,
        "by_year": by_year,
        "by_report": by_report,
        "reports_shown": REPORTS_SHOWN,
        "all_reports_url": items_url(sort="report"),
        **_item_charts(figures),
        "changes": _since_rows(figures.since, since, linked),
        "record": figures.record,
        "record_total": figures.record_total,
        "upcoming_responses": figures.upcoming_responses,
        "upcoming_actions": figures.upcoming_actions,
        "upcoming_actions_url": actions_url(due="soon"),
        "due_soon_days": settings.DUE_SOON_DAYS,
    }


def _item_charts(figures: JaspFigures) -> dict:
    kinds = dict(ItemKind.choices)
    return {
        "mix_chart": bar_chart(
            slug="item-mix",
            title="Recommendations and AFIs by state",
            rows=[("All", _segments(figures.items))]
            + [(kinds[row["kind"]], _segments(row)) for row in figures.by_kind],
        ),
        "year_chart": bar_chart(
            slug="item-years",
            title="Progress by year of report",
            rows=[(str(row["year"]), _segments(row)) for row in figures.by_year],
        ),
    }


def _since_rows(
    since_figures: dict, since: datetime.date, linked: bool
) -> list[tuple[str, int, str | None]]:
    day = since.isoformat()
    rows = [
        ("Actions whose status changed", "changed", actions_url(changed_since=day)),
        ("Actions signed off and closed", "closed", actions_url(closed_since=day)),
        ("Recommendations and AFIs closed", "items_closed", items_url(closed_since=day)),
    ]
    return [(label, since_figures[key], url if linked else None) for label, key, url in rows]
