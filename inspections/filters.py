"""The register's filters (core.filters: a bad value is named and that filter alone left out)."""

from typing import Any

import django_filters
from django.db.models import QuerySet

from core.filters import ListFilterSet, checkbox_filter

from .choices import ReportType
from .models import Report


class ReportFilterSet(ListFilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label="Search titles"
    )
    report_type = django_filters.ChoiceFilter(
        label="Type", choices=ReportType.choices, empty_label="Any type"
    )
    year = django_filters.ChoiceFilter(
        field_name="published_on",
        lookup_expr="year",
        label="Year published",
        empty_label="Any year",
    )
    open_items = checkbox_filter("Only reports with open items", "filter_open_items")

    class Meta:
        model = Report
        fields: list[str] = []

    def __init__(self, data: Any = None, *, years: list[int]) -> None:
        super().__init__(data)
        self.filters["year"].extra["choices"] = [(year, year) for year in years]

    def filter_open_items(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        # has_open_items is annotated by selectors.report_list.
        return queryset.filter(has_open_items=True) if value else queryset
