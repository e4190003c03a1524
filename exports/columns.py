"""A sortable list's columns, declared once: each column's heading on the page, its key in
?sort= (the whitelist: nothing else is ever passed to order_by), its order, and what the CSV and
XLSX exports write for it."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.db.models.expressions import OrderBy
from django.http import QueryDict

from .tabular import Column

type OrderField = str | OrderBy


@dataclass(frozen=True)
class ListColumn:
    heading: str
    #: The ?sort= key; empty for a column that cannot be sorted.
    key: str = ""
    order: tuple[OrderField, ...] = ()
    #: What the exports write for this column (one column on the page may be several there).
    export: tuple[Column, ...] = ()


def export_columns(columns: Sequence[ListColumn], *extra: Column) -> tuple[Column, ...]:
    return (*(column for list_column in columns for column in list_column.export), *extra)


def order(queryset: QuerySet, columns: Sequence[ListColumn], sort: str, default: str) -> QuerySet:
    """`queryset` in the order ?sort= asks for ("-key" descending), or `default`'s when the key
    is not one of the columns'."""
    by_key = {column.key: column for column in columns if column.key}
    key = sort.removeprefix("-")
    if key not in by_key:
        sort, key = default, default
    fields = by_key[key].order
    if sort.startswith("-"):
        fields = tuple(_reverse(field) for field in fields)
    return queryset.order_by(*fields)


def _reverse(field: OrderField) -> OrderField:
    if isinstance(field, str):
        return field.removeprefix("-") if field.startswith("-") else f"-{field}"
    # Empty dates last either way: a list sorted by target date ends with the undated.
    return OrderBy(field.expression, descending=not field.descending, nulls_last=True)


def headers(
    columns: Sequence[ListColumn], *, current: str, default: str, query: QueryDict
) -> list[dict[str, Any]]:
    """One heading per column; a sortable one links to its order (ascending first, then
    toggling) and says how the list is sorted now (aria-sort)."""
    keys = {column.key for column in columns if column.key}
    active = current if current.removeprefix("-") in keys else default
    base = query.copy()
    for name in ("sort", "page"):
        base.pop(name, None)
    shown = []
    for column in columns:
        if not column.key:
            shown.append({"label": column.heading, "url": "", "aria_sort": ""})
            continue
        descending = active == f"-{column.key}"
        is_sorted = active.removeprefix("-") == column.key
        params = base.copy()
        params["sort"] = column.key if (not is_sorted or descending) else f"-{column.key}"
        aria = ("descending" if descending else "ascending") if is_sorted else ""
        shown.append({"label": column.heading, "url": f"?{params.urlencode()}", "aria_sort": aria})
    return shown
