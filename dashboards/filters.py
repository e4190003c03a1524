"""The filters of the lists behind the dashboards' figures (core.filters: a bad value is named
on the page and that filter alone left out)."""

import datetime
from typing import Any

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Max, OuterRef, Q, QuerySet, Subquery

from core.filters import ListFilterSet, RangeCheckedForm, checkbox_filter, date_filter
from inspections.choices import ActionStatus, ItemKind
from inspections.models import Action, Item, Report
from inspections.querysets import due_soon_q, overdue_q, unfinished_q

from .annotations import ITEM_STATES, changed_since_q, start_of

ANY = "Any"
#: The kinds the item list holds (inspections.querysets.TRACKED_KINDS, as choices).
TRACKED = (ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT)


class ReportChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Report) -> str:
        return f"{obj.title} ({obj.published_on:%Y})"


class ReportFilter(django_filters.ModelChoiceFilter):
    field_class = ReportChoiceField


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def _due_choices() -> list[tuple[str, str]]:
    return [("overdue", "Overdue"), ("soon", f"Due in the next {settings.DUE_SOON_DAYS} days")]


def last_closed_at() -> Subquery:
    """When the item's last action was signed off and closed."""
    closed = Action.objects.filter(item=OuterRef("pk"), closed_at__isnull=False)
    return Subquery(closed.values("item").annotate(last=Max("closed_at")).values("last")[:1])


def _reports() -> QuerySet[Report]:
    return Report.objects.only("pk", "title", "published_on")


class ActionFilterForm(RangeCheckedForm):
    date_ranges = (("target_from", "target_to"),)


class ActionFilterSet(ListFilterSet):
    """Filters for the actions list; `today` fixes what overdue and due soon mean."""

    report = ReportFilter(
        field_name="item__report", label="Report", queryset=_reports(), empty_label=ANY
    )
    kind = django_filters.ChoiceFilter(
        field_name="item__kind", label="Item kind", choices=ItemKind.choices, empty_label=ANY
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[("open", "Any unfinished"), *ActionStatus.choices],
        empty_label=ANY,
        method="filter_status",
    )
    owner = django_filters.CharFilter(field_name="owner_shown", label="Owner", max_length=200)
    due = django_filters.ChoiceFilter(
        label="Due",
        choices=_due_choices,
        empty_label=ANY,
        method="filter_due",
    )
    target_from = date_filter("target_date", "gte", "Target date from")
    target_to = date_filter("target_date", "lte", "Target date to")
    moved = checkbox_filter("Target date moved more than once", "filter_moved")
    changed_since = date_filter(
        "changed_since", "exact", "Status changed since", method="filter_changed"
    )
    closed_since = date_filter("closed_at", "gte", "Closed since", method="filter_closed")

    class Meta:
        model = Action
        fields: list[str] = []
        form = ActionFilterForm

    def __init__(self, data: Any = None, *, today: datetime.date) -> None:
        self.today = today
        super().__init__(data)

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(unfinished_q() if value == "open" else Q(status=value))

    def filter_due(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        soon = overdue_q(self.today) if value == "overdue" else due_soon_q(self.today)
        return queryset.filter(soon)

    def filter_moved(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(moves__gt=1) if value else queryset

    def filter_changed(self, queryset: QuerySet, name: str, value: datetime.date) -> QuerySet:
        return queryset.filter(changed_since_q(value))

    def filter_closed(self, queryset: QuerySet, name: str, value: datetime.date) -> QuerySet:
        return queryset.filter(closed_at__gte=start_of(value))


class ItemFilterForm(RangeCheckedForm):
    date_ranges = (("due_from", "due_to"),)


class ItemFilterSet(ListFilterSet):
    """Filters for the recommendations and AFIs list."""

    report = ReportFilter(label="Report", queryset=_reports(), empty_label=ANY)
    kind = django_filters.ChoiceFilter(
        label="Item kind",
        choices=[
            (k.value, k.label) for k in (ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT)
        ],
        empty_label=ANY,
    )
    state = django_filters.ChoiceFilter(
        label="State",
        choices=[("open", "Open (overdue or not)"), *ITEM_STATES.items()],
        empty_label=ANY,
        method="filter_state",
    )
    year = YearFilter(
        field_name="report__published_on",
        lookup_expr="year",
        label="Report year",
        min_value=1990,
        max_value=2100,
    )
    due_from = date_filter("hmicfrs_deadline", "gte", "HMICFRS deadline from")
    due_to = date_filter("hmicfrs_deadline", "lte", "HMICFRS deadline to")
    closed_since = date_filter("closed_since", "exact", "Closed since", method="filter_closed")

    class Meta:
        model = Item
        fields: list[str] = []
        form = ItemFilterForm

    def __init__(self, data: Any = None, *, today: datetime.date) -> None:
        self.today = today
        super().__init__(data)

    def filter_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(~Q(state="closed") if value == "open" else Q(state=value))

    def filter_closed(self, queryset: QuerySet, name: str, value: datetime.date) -> QuerySet:
        closed = queryset.annotate(last_closed_at=last_closed_at())
        return closed.filter(state="closed", last_closed_at__gte=start_of(value))
