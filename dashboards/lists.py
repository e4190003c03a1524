"""The filtered lists behind the dashboards' figures (filters in filters.py), sorted by whitelisted
columns: one query shape whatever the data size."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import F, QuerySet

from inspections.models import Action, Item

from .annotations import annotate_actions, tracked_items
from .filters import ActionFilterSet, ItemFilterSet

#: Sort key (as in ?sort=) -> (column heading, order_by fields); "-key" sorts descending.
ACTION_SORTS = {
    "report": ("Report and item", ("item__report__title", "item__position", "pk")),
    "owner": ("Owner", ("owner_shown", "pk")),
    "target": ("Target date", (F("target_date").asc(nulls_last=True), "pk")),
    "status": ("Status", ("status", "pk")),
    "moves": ("Moves", ("moves", "pk")),
}
ITEM_SORTS = {
    "report": ("Report", ("report__title", "position", "pk")),
    "kind": ("Item", ("kind", "reference", "pk")),
    "state": ("State", ("state", "pk")),
    "deadline": ("HMICFRS deadline", (F("hmicfrs_deadline").asc(nulls_last=True), "pk")),
    "year": ("Published", ("report__published_on", "pk")),
}


def three_months_before(today: datetime.date) -> datetime.date:
    """The same day three months back, or that month's last day (31 May -> 28/29 February)."""
    return today - relativedelta(months=3)


def order(queryset: QuerySet, sorts: dict, sort: str, default: str) -> QuerySet:
    key = sort.removeprefix("-")
    if key not in sorts:
        sort, key = default, default
    fields = sorts[key][1]
    if sort.startswith("-"):
        fields = [_reverse(field) for field in fields]
    return queryset.order_by(*fields)


def _reverse(field):
    if isinstance(field, str):
        return field.removeprefix("-") if field.startswith("-") else f"-{field}"
    return F(field.expression.name).desc(nulls_last=True)


def action_list(*, filters: ActionFilterSet, sort: str) -> QuerySet[Action]:
    """The actions the filters leave, in the reader's order. "Status changed since" needs the
    status then, annotated before the filters run."""
    actions = annotate_actions(
        Action.objects.select_related("item__report", "owner_user"),
        since=filters.value("changed_since"),
    )
    return order(filters.apply(actions), ACTION_SORTS, sort, "target")


def item_list(*, filters: ItemFilterSet, sort: str) -> QuerySet[Item]:
    """The recommendations and AFIs the filters leave, in the reader's order."""
    items = tracked_items(filters.today).select_related("report")
    return order(filters.apply(items), ITEM_SORTS, sort, "report")
