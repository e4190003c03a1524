"""The responses list's filters (core.filters: a bad value is named and that filter left out)."""

import datetime
from typing import Any

import django_filters

from core.filters import ListFilterSet, checkbox_filter

from .choices import ResponseStatus
from .models import Response, ResponseQuerySet


class ResponseFilterSet(ListFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=ResponseStatus.choices, empty_label="Any status"
    )
    overdue = checkbox_filter("Only overdue responses", "filter_overdue")

    class Meta:
        model = Response
        fields: list[str] = []

    def __init__(self, data: Any = None, *, today: datetime.date) -> None:
        self.today = today
        super().__init__(data)

    def filter_overdue(
        self, queryset: ResponseQuerySet, name: str, value: bool
    ) -> ResponseQuerySet:
        return queryset.overdue(self.today) if value else queryset
