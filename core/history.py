"""Who made a change, for django-simple-history's record of it, and what an update service was
given to change."""

import enum

from django.contrib.auth.models import User
from django.db import models


def stamp(instance: models.Model, by: User | None, reason: str = "") -> None:
    """Name `by` (and, when given, why) on the history record the next save writes.

    simple_history reads these private attributes; setting them here keeps the spelling, and
    the one ignore it needs, in one place.
    """
    instance._history_user = by  # type: ignore[attr-defined]
    if reason:
        instance._change_reason = reason[:100]  # type: ignore[attr-defined]


class Keep(enum.Enum):
    """The default of an update service's field arguments: leave the stored value as it is
    (None cannot say that: a deadline or a parent may be cleared)."""

    KEEP = "keep"


KEEP = Keep.KEEP

type Maybe[T] = T | Keep


def assign(instance: models.Model, **values: object) -> None:
    """Set each named field that the caller gave, leaving those passed as KEEP."""
    for name, value in values.items():
        if value is not KEEP:
            setattr(instance, name, value)
