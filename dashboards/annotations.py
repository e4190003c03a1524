"""Expressions the dashboards and their lists share, so a figure and its list count the same way."""

import datetime

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from inspections.choices import ActionStatus
from inspections.models import Action, Item, TargetDateChange
from inspections.querysets import ActionQuerySet, overdue_q, unfinished_q


def start_of(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of the day in Europe/London."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def annotate_actions(actions: ActionQuerySet, since: datetime.date | None = None):
    """Each action's owner label and how often its target date was moved (its first setting,
    recorded with old_date empty, is not a move); with `since`, whether its status changed."""
    actions = actions.with_owner_label().annotate(moves=moves())
    if since is not None:
        actions = actions.annotate(status_at_since=status_at(since))
    return actions


def moves():
    """A subquery, not a join: a join would multiply the rows other counts are taken over."""
    moved = (
        TargetDateChange.objects.filter(action=OuterRef("pk"), old_date__isnull=False)
        .values("action")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(moved), Value(0))


def status_at(since: datetime.date):
    """The action's status at the start of `since` (Europe/London), from its history; null when
    the action did not exist yet."""
    before = Action.history.filter(id=OuterRef("pk"), history_date__lt=start_of(since)).order_by(
        "-history_date", "-history_id"
    )
    return Subquery(before.values("status")[:1])


def changed_since_q(since: datetime.date) -> Q:
    """Needs annotate_actions(..., since=): the status now differs from the status then.

    Every change of status is a save that django-simple-history records, so only an action with
    a history record since then (its creation included) can have changed: that narrows the
    per-action lookup of the old status to the recently touched few (an indexed range scan)."""
    touched = Action.history.filter(history_date__gte=start_of(since)).values("id")
    # No status then (it did not exist) counts as different: one lookup per action, not two.
    return Q(pk__in=touched) & ~Q(status=Coalesce(F("status_at_since"), Value("")))


def tracked_items(today: datetime.date) -> QuerySet[Item]:
    """Recommendations and AFIs needing force action, each marked closed (it has actions and all
    are finished), overdue (an unfinished action is past its target date) or open."""
    actions = Action.objects.filter(item=OuterRef("pk"))
    unfinished = actions.unfinished()
    return (
        Item.objects.tracked()
        .annotate(
            has_action=Exists(actions),
            has_unfinished=Exists(unfinished),
            has_overdue=Exists(unfinished.filter(target_date__lt=today)),
        )
        .annotate(
            state=Case(
                When(has_action=True, has_unfinished=False, then=Value("closed")),
                When(has_overdue=True, then=Value("overdue")),
                default=Value("open"),
                output_field=CharField(),
            )
        )
    )


def item_action_counts(today: datetime.date) -> dict:
    """For a query grouped by item: its actions, unfinished and overdue ones, and when the last
    was closed. One pass over the actions, where tracked_items' subqueries probe them per item."""
    return {
        "actions_n": Count("actions"),
        "unfinished_n": Count("actions", filter=unfinished_q("actions__")),
        "overdue_n": Count("actions", filter=overdue_q(today, "actions__")),
        "last_closed_at": Max("actions__closed_at"),
    }


def item_state(*, actions_n: int, unfinished_n: int, overdue_n: int) -> str:
    """tracked_items' state from item_action_counts: the same three rules, in the same order."""
    if actions_n and not unfinished_n:
        return "closed"
    if overdue_n:
        return "overdue"
    return "open"


ITEM_STATES = {"open": "Open (not overdue)", "overdue": "Overdue", "closed": "Closed"}
PENDING = ActionStatus.PENDING_SIGN_OFF
