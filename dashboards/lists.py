"""The filtered lists behind the dashboards' figures: one query shape whatever the data size."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import F, Max, OuterRef, Q, QuerySet, Subquery

from inspections.models import Action, Item
from inspections.querysets import due_soon_q, overdue_q, unfinished_q

from .annotations import annotate_actions, changed_since_q, start_of, tracked_items

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


def action_list(*, filters: dict, sort: str, today: datetime.date) -> QuerySet[Action]:
    since = filters.get("changed_since")
    actions = annotate_actions(
        Action.objects.select_related("item__report", "owner_user"), since=since
    )
    conditions = {
        "report": lambda v: Q(item__report=v),
        "kind": lambda v: Q(item__kind=v),
        "status": lambda v: unfinished_q() if v == "open" else Q(status=v),
        "owner": lambda v: Q(owner_shown=v),
        "due": lambda v: overdue_q(today) if v == "overdue" else due_soon_q(today),
        "target_from": lambda v: Q(target_date__gte=v),
        "target_to": lambda v: Q(target_date__lte=v),
        "moved": lambda v: Q(moves__gt=1),
        "changed_since": lambda v: changed_since_q(v),
        "closed_since": lambda v: Q(closed_at__gte=start_of(v)),
    }
    for name, value in filters.items():
        if name in conditions:
            actions = actions.filter(conditions[name](value))
    return order(actions, ACTION_SORTS, sort, "target")


def item_list(*, filters: dict, sort: str, today: datetime.date) -> QuerySet[Item]:
    items = tracked_items(today).select_related("report")
    conditions = {
        "report": lambda v: Q(report=v),
        "kind": lambda v: Q(kind=v),
        "state": lambda v: ~Q(state="closed") if v == "open" else Q(state=v),
        "year": lambda v: Q(report__published_on__year=v),
        "due_from": lambda v: Q(hmicfrs_deadline__gte=v),
        "due_to": lambda v: Q(hmicfrs_deadline__lte=v),
        "closed_since": lambda v: Q(state="closed", last_closed_at__gte=start_of(v)),
    }
    if "closed_since" in filters:
        items = items.annotate(last_closed_at=last_closed_at())
    for name, value in filters.items():
        if name in conditions:
            items = items.filter(conditions[name](value))
    return order(items, ITEM_SORTS, sort, "report")


def last_closed_at():
    """When the item's last action was signed off and closed."""
    closed = Action.objects.filter(item=OuterRef("pk"), closed_at__isnull=False)
    return Subquery(closed.values("item").annotate(last=Max("closed_at")).values("last")[:1])
