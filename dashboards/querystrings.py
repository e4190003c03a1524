"""Links that keep the reader's filters: sortable column headings and figure links."""

from django.http import QueryDict
from django.utils.http import urlencode


def without(query: QueryDict, *names: str) -> QueryDict:
    query = query.copy()
    for name in names:
        query.pop(name, None)
    return query


def sort_headers(*, sorts: dict, current: str, default: str, query: QueryDict) -> list[dict]:
    """One heading per sortable column: its link (ascending first, then toggling) and aria-sort."""
    active = current if current.removeprefix("-") in sorts else default
    base = without(query, "sort", "page")
    headers = []
    for key, (label, _fields) in sorts.items():
        descending = active == f"-{key}"
        is_sorted = active.removeprefix("-") == key
        params = base.copy()
        params["sort"] = key if (not is_sorted or descending) else f"-{key}"
        headers.append(
            {
                "label": label,
                "url": f"?{params.urlencode()}",
                "aria_sort": ("descending" if descending else "ascending") if is_sorted else "",
            }
        )
    return headers


def link(url: str, **params) -> str:
    """A list's address with these filters; empty values are left out."""
    kept = {name: value for name, value in params.items() if value not in (None, "")}
    return f"{url}?{urlencode(kept)}" if kept else url
