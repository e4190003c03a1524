"""The database, before and after: a snapshot of every row of every project table."""

from functools import cache

from django.apps import apps
from django.db import connection, models

SNAPSHOT_APPS = (
    "auth",
    "contenttypes",
    "admin",
    "accounts",
    "inspections",
    "responses",
    "reminders",
    "dashboards",
    "imports",
)


def _snapshot_models() -> list[type[models.Model]]:
    return [
        model
        for label in SNAPSHOT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]


@cache
def _snapshot_sql() -> str:
    """One query for the lot (the walk takes hundreds of snapshots): each row as text."""
    quote = connection.ops.quote_name
    selects = []
    for model in _snapshot_models():
        row = " || '|' || ".join(
            f"COALESCE(CAST({quote(field.column)} AS TEXT), '-')"
            for field in model._meta.concrete_fields
        )
        pk = quote(model._meta.pk.column)
        selects.append(
            f"SELECT '{model._meta.label}', CAST({pk} AS TEXT), {row} "
            f"FROM {quote(model._meta.db_table)}"
        )
    return " UNION ALL ".join(selects)


def db_snapshot() -> dict[str, dict[str, str]]:
    """Every row, every column, of every project table: auth's users, groups and their links,
    the register and its history, the admin's log. Row counts and lock_versions included."""
    snapshot = {model._meta.label: {} for model in _snapshot_models()}
    with connection.cursor() as cursor:
        cursor.execute(_snapshot_sql())
        for label, pk, row in cursor.fetchall():
            snapshot[label][pk] = row
    return snapshot


def db_changes(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> list[str]:
    changes = []
    for label, rows in before.items():
        now = after[label]
        if rows == now:
            continue
        if len(rows) != len(now):
            changes.append(f"{label}: {len(rows)} -> {len(now)} rows")
        changed = sorted(pk for pk in rows.keys() & now.keys() if rows[pk] != now[pk])
        if changed:
            changes.append(f"{label}: rows {changed} changed")
    return changes
