"""The filtered lists behind the dashboards' figures (filters in filters.py), sorted by whitelisted
columns: one query shape whatever the data size."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import F, QuerySet

from exports.columns import ListColumn, order
from exports.tabular import Column
from inspections.exports import rag_label
from inspections.models import Action, Item

from .annotations import annotate_actions, tracked_items
from .filters import ActionFilterSet, ItemFilterSet

#: The actions list: the table's columns and sortable headings, and the exports' columns.
ACTION_LIST = (
    ListColumn(
        "Report and item",
        "report",
        ("item__report__title", "item__position", "pk"),
        (Column("Report", lambda a: a.item.report.title), Column("Item", lambda a: str(a.item))),
    ),
    ListColumn("Action", export=(Column("Action", lambda a: a.description),)),
    ListColumn(
        "Owner", "owner", ("owner_shown", "pk"), (Column("Owner", lambda a: a.owner_shown),)
    ),
    ListColumn(
        "Target date",
        "target",
        (F("target_date").asc(nulls_last=True), "pk"),
        (Column("Target date", lambda a: a.target_date),),
    ),
    ListColumn(
        "Status",
        "status",
        ("status", "pk"),
        (Column("Status", lambda a: a.get_status_display()), Column("RAG", rag_label)),
    ),
    ListColumn(
        "Moves", "moves", ("moves", "pk"), (Column("Target date moves", lambda a: a.moves),)
    ),
)

#: The recommendations and AFIs list, likewise.
ITEM_LIST = (
    ListColumn(
        "Report",
        "report",
        ("report__title", "position", "pk"),
        (
            Column("Report", lambda i: i.report.title),
            Column("Report published", lambda i: i.report.published_on),
        ),
    ),
    ListColumn(
        "Item",
        "kind",
        ("kind", "reference", "pk"),
        (
            Column("Item", lambda i: str(i)),
            Column("Kind", lambda i: i.get_kind_display()),
            Column("Text", lambda i: i.text),
        ),
    ),
    ListColumn(
        "State", "state", ("state", "pk"), (Column("State", lambda i: i.state.capitalize()),)
    ),
    ListColumn(
        "HMICFRS deadline",
        "deadline",
        (F("hmicfrs_deadline").asc(nulls_last=True), "pk"),
        (Column("HMICFRS deadline", lambda i: i.hmicfrs_deadline),),
    ),
    ListColumn("Published", "year", ("report__published_on", "pk")),
)


def three_months_before(today: datetime.date) -> datetime.date:
    """The same day three months back, or that month's last day (31 May -> 28/29 February)."""
    return today - relativedelta(months=3)


def action_list(*, filters: ActionFilterSet, sort: str) -> QuerySet[Action]:
    """The actions the filters leave, in the reader's order. "Status changed since" needs the
    status then, annotated before the filters run."""
    actions = annotate_actions(
        Action.objects.select_related("item__report", "owner_user"),
        since=filters.value("changed_since"),
    )
    return order(filters.apply(actions), ACTION_LIST, sort, "target")


def item_list(*, filters: ItemFilterSet, sort: str) -> QuerySet[Item]:
    """The recommendations and AFIs the filters leave, in the reader's order."""
    items = tracked_items(filters.today).select_related("report")
    return order(filters.apply(items), ITEM_LIST, sort, "report")
