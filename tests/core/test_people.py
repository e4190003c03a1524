"""A person's name and an action's owner are spelt once in Python and once in SQL; on awkward
names both must say the same, or a dashboard's link lists other rows than it counts."""

import pytest
from django.contrib.auth import get_user_model

from core.people import display_name, display_name_sql
from inspections.models import Action
from inspections.querysets import NOT_ALLOCATED
from tests.factories import ActionFactory, UserFactory

pytestmark = pytest.mark.django_db

AWKWARD_NAMES = [
    ("Ann", "Smith"),
    ("Ann", ""),  # the owner-link bug: SQL said "Ann " where Python said "Ann"
    ("", "Smith"),
    ("", ""),
    ("  Ann ", " Smith  "),
    ("Ann  Marie", "Smith"),
    ("Zoë", "Ó Briain"),
    ("李", "小龙"),
    ("عائشة", "الحسيني"),
    ("Ann\t", ""),
    ("\u00a0", ""),
]


@pytest.mark.parametrize(("first", "last"), AWKWARD_NAMES)
def test_python_and_sql_give_a_user_the_same_name(first, last):
    user = UserFactory(first_name=first, last_name=last)
    in_sql = get_user_model().objects.annotate(shown=display_name_sql()).get(pk=user.pk).shown
    assert in_sql == display_name(user)
    assert display_name(user) == (f"{first} {last}".strip(" ") or user.username)


@pytest.mark.parametrize(("first", "last"), AWKWARD_NAMES)
@pytest.mark.parametrize("owner_name", ["", "Public Protection", "Custody Ü"])
def test_python_and_sql_show_the_same_owner(first, last, owner_name):
    user = UserFactory(first_name=first, last_name=last)
    action = ActionFactory(owner_name=owner_name, owner_user=user)
    in_sql = Action.objects.with_owner_label().get(pk=action.pk).owner_shown
    assert in_sql == action.owner_label


def test_an_action_with_no_owner_is_not_allocated_in_both():
    action = ActionFactory(owner_name="", owner_user=None, status="awaiting_allocation")
    assert Action.objects.with_owner_label().get(pk=action.pk).owner_shown == NOT_ALLOCATED
    assert (action.owner_label or NOT_ALLOCATED) == NOT_ALLOCATED


def test_no_user_has_the_fallback():
    assert display_name(None, "the system") == "the system"
