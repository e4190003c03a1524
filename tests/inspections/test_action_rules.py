"""The force's actions: who owns them, which statuses a new or edited action may take, what a
finished action still accepts, and the same rules held by the database."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from inspections import services
from inspections.choices import ActionStatus, Addressee
from inspections.models import Action, TargetDateChange
from tests.factories import ItemFactory
from tests.inspections.action_helpers import DECEMBER, JUNE, close, new_action

# --- Creating actions ----------------------------------------------------------------------------


def test_an_action_awaiting_allocation_needs_no_owner(item, force_officer):
    action = new_action(item, force_officer)

    stored = Action.objects.get(pk=action.pk)
    assert stored.status == ActionStatus.AWAITING_ALLOCATION
    assert stored.owner_label == ""
    assert stored.history.get().history_user == force_officer


@pytest.mark.parametrize("description", ["", "   "])
def test_an_action_needs_a_description(item, force_officer, row_counts, description):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        new_action(item, force_officer, description=description, target_date=JUNE)

    assert refused.value.message_dict["description"] == ["This field cannot be blank."]
    assert row_counts() == before


def test_an_item_that_needs_no_force_action_takes_no_actions(force_officer, row_counts):
    home_office = ItemFactory(addressee=Addressee.HOME_OFFICE)
    assert home_office.action_required is False
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        new_action(home_office, force_officer, target_date=JUNE)

    assert refused.value.messages == [
        "This item needs no force action, so actions cannot be added to it."
    ]
    assert row_counts() == before


@pytest.mark.parametrize(
    "status",
    [ActionStatus.IN_PROGRESS, ActionStatus.NATIONAL_DEPENDENCY, ActionStatus.SUPERSEDED],
)
@pytest.mark.parametrize("owner_name", ["", "   "])
def test_an_allocated_action_needs_an_owner(item, force_officer, row_counts, status, owner_name):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        new_action(item, force_officer, status=status, owner_name=owner_name, target_date=JUNE)

    assert refused.value.message_dict["owner_name"][0].startswith("Name the owner")
    assert row_counts() == before


@pytest.mark.parametrize(
    "owner", [{"owner_name": "Public Protection"}, {"owner_user": "force_officer"}]
)
def test_an_action_is_owned_by_a_named_department_or_an_account(item, force_officer, owner):
    if "owner_user" in owner:
        owner = {"owner_user": force_officer}

    action = new_action(item, force_officer, status=ActionStatus.IN_PROGRESS, **owner)

    assert Action.objects.get(pk=action.pk).status == ActionStatus.IN_PROGRESS


@pytest.mark.parametrize("status", [ActionStatus.PENDING_SIGN_OFF, ActionStatus.CLOSED])
def test_a_new_action_cannot_start_pending_sign_off_or_closed(
    item, force_officer, row_counts, status
):
    before = row_counts()

    with pytest.raises(ValidationError):
        new_action(item, force_officer, status=status, owner_name="Public Protection")

    assert row_counts() == before


def test_removing_the_owner_of_an_action_in_progress_is_refused(action, force_officer, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.action_update(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            description=action.description,
            owner_name="",
            owner_user=None,
            status=ActionStatus.IN_PROGRESS,
        )

    assert "owner_name" in refused.value.message_dict
    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).owner_user == force_officer


@pytest.mark.parametrize("status", [ActionStatus.PENDING_SIGN_OFF, ActionStatus.CLOSED])
def test_editing_cannot_jump_to_the_sign_off_statuses(action, force_officer, row_counts, status):
    before = row_counts()

    with pytest.raises(ValidationError):
        services.action_update(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            description=action.description,
            owner_name=action.owner_name,
            owner_user=action.owner_user,
            status=status,
        )

    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).status == ActionStatus.IN_PROGRESS


def test_a_closed_action_cannot_be_edited(action, force_officer, row_counts):
    close(action)
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.action_update(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            description="Reopened quietly",
            owner_name=action.owner_name,
            owner_user=action.owner_user,
            status=ActionStatus.IN_PROGRESS,
        )

    assert "only be changed through sign-off" in refused.value.messages[0]
    assert row_counts() == before


# --- The database holds the same rules -----------------------------------------------------------


def test_the_database_refuses_an_allocated_action_without_an_owner(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(owner_name="", owner_user=None)

    assert Action.objects.get(pk=action.pk).owner_label


def test_the_database_refuses_a_closed_action_without_a_closing_time(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(status=ActionStatus.CLOSED)

    assert Action.objects.get(pk=action.pk).status == ActionStatus.IN_PROGRESS


def test_the_database_refuses_a_closing_time_on_an_open_action(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(closed_at=timezone.now())

    assert Action.objects.get(pk=action.pk).closed_at is None


def test_the_database_refuses_a_target_date_change_without_a_reason(action, force_officer):
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetDateChange.objects.create(
            action=action, old_date=JUNE, new_date=DECEMBER, reason="", changed_by=force_officer
        )
