"""The register's domain predicates, defined once: what "unfinished", "overdue", "due soon" and
"tracked" mean, as QuerySet methods for lists and as Q objects for counts across joins, and an
action's owner as shown (the same words as Action.owner_label, in SQL)."""

import datetime
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Coalesce, NullIf

from core.people import display_name_sql

from .choices import FINISHED_STATUSES, ActionStatus, ItemKind

#: Spelt out for counts across joins, where a missing action must not count as unfinished.
UNFINISHED_VALUES = [status for status in ActionStatus.values if status not in FINISHED_STATUSES]
#: The items JASP and the DCC follow: recommendations and AFIs that need force action.
TRACKED_KINDS = (ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT)
NOT_ALLOCATED = "Not allocated"


def due_soon_window() -> datetime.timedelta:
    """How far ahead "due soon" looks: the RAG amber window and every "due soon" figure."""
    return datetime.timedelta(days=settings.DUE_SOON_DAYS)


def unfinished_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}status__in": UNFINISHED_VALUES})


def overdue_q(today: datetime.date, prefix: str = "") -> Q:
    return unfinished_q(prefix) & Q(**{f"{prefix}target_date__lt": today})


def due_soon_q(today: datetime.date, prefix: str = "") -> Q:
    window = (today, today + due_soon_window())
    return unfinished_q(prefix) & Q(**{f"{prefix}target_date__range": window})


def owner_label_sql() -> Coalesce:
    """The owner as shown: the named owner, else the account's display name, else "Not
    allocated" (Action.owner_label says the same in Python, with "" for the last)."""
    return Coalesce(
        NullIf(F("owner_name"), Value("")),
        display_name_sql("owner_user__"),
        Value(NOT_ALLOCATED),
        output_field=CharField(),
    )


class ActionQuerySet(models.QuerySet):
    def unfinished(self) -> Self:
        return self.filter(unfinished_q())

    def overdue(self, today: datetime.date) -> Self:
        return self.filter(overdue_q(today))

    def due_soon(self, today: datetime.date) -> Self:
        return self.filter(due_soon_q(today))

    def with_owner_label(self) -> Self:
        return self.annotate(owner_shown=owner_label_sql())


class ItemQuerySet(models.QuerySet):
    def tracked(self) -> Self:
        """Recommendations and AFIs that need force action."""
        return self.filter(kind__in=TRACKED_KINDS, action_required=True)
