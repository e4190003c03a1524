"""Reads for the people page."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.db.models import Case, Count, Prefetch, QuerySet, Value, When

from .models import AccountChange

CHANGES_SHOWN = 50


def people_list() -> QuerySet[User]:
    """Everyone but the superusers (the support logins, kept in the Django admin), by name,
    with their roles in one more query; those with no role first (waiting for approval)."""
    return (
        get_user_model()
        .objects.filter(is_superuser=False)
        .annotate(
            role_count=Count("groups"),
            waiting=Case(When(role_count=0, then=Value(0)), default=Value(1)),
        )
        .prefetch_related(Prefetch("groups", queryset=Group.objects.order_by("name")))
        .order_by("waiting", "-is_active", "first_name", "last_name", "username")
    )


def person_changes(*, person: User) -> list[AccountChange]:
    return list(AccountChange.objects.filter(person=person).select_related("by")[:CHANGES_SHOWN])
