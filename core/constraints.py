"""Constraints many models share, spelt once."""

from django.db import models
from django.db.models import Q


def one_of(
    prefix: str, field: str, choices: type[models.Choices], *, blank: bool = False
) -> models.CheckConstraint:
    """The database refuses any value of `field` that is not one of its choices (and "" when
    the field may be left blank), whatever writes it: a form, a service, the shell or SQL."""
    values = [str(value) for value in choices.values]
    if blank and "" not in values:
        values.append("")
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": values}), name=f"{prefix}_{field}_is_a_choice"
    )
