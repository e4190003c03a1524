"""Figure links: a list's address with the filters a figure stands for."""

from django.utils.http import urlencode


def link(url: str, **params) -> str:
    """A list's address with these filters; empty values are left out."""
    kept = {name: value for name, value in params.items() if value not in (None, "")}
    return f"{url}?{urlencode(kept)}" if kept else url
