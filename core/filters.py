"""The one way a list is filtered: a django-filter FilterSet over the list's queryset.

A value that fails its field (a date that is not a date, a range the wrong way round) is named
on the page by the form and leaves out that filter alone: django-filter applies only the values
in the form's cleaned_data, and a field with an error has none.
"""

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RangeCheckedForm(forms.Form):
    """A filter form whose (from, to) pairs must not run backwards; `date_ranges` names them."""

    date_ranges: tuple[tuple[str, str], ...] = ()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for low, high in self.date_ranges:
            if data.get(low) and data.get(high) and data[low] > data[high]:
                self.add_error(high, "The end of the range is before its start.")
        return data


class ListFilterSet(django_filters.FilterSet):
    """A list's filters, bound to the page's query string (unbound when it has none). The
    list's selector builds the queryset and calls `apply`; the page shows `form`."""

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        super().__init__(data or None, queryset=self._meta.model._default_manager.none(), **kwargs)

    def value(self, name: str) -> Any:
        """The filter's value if it passed its field, else None."""
        if not self.is_bound:
            return None
        self.form.is_valid()
        return self.form.cleaned_data.get(name)

    def apply(self, queryset: QuerySet) -> QuerySet:
        """`queryset` narrowed by every filter whose value passed."""
        if not self.is_bound:
            return queryset
        self.form.is_valid()
        narrowed: QuerySet = self.filter_queryset(queryset)
        return narrowed


def date_filter(field_name: str, lookup: str, label: str, **kwargs: Any) -> Any:
    return django_filters.DateFilter(
        field_name=field_name, lookup_expr=lookup, label=label, widget=DATE, **kwargs
    )


class CheckboxFilter(django_filters.Filter):
    """A ticked box (`?name=on`); unticked applies nothing."""

    field_class = forms.BooleanField


def checkbox_filter(label: str, method: str) -> Any:
    return CheckboxFilter(label=label, method=method, required=False)
