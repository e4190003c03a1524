"""An action's target dates: every change kept, with who made it and why."""

import pytest
from django.core.exceptions import ValidationError

from inspections import services
from inspections.models import Action
from tests.inspections.action_helpers import DECEMBER, JUNE, SEPTEMBER, close, new_action

# --- Target dates --------------------------------------------------------------------------------


def test_the_first_target_date_is_recorded_as_a_change(item, force_officer):
    action = new_action(item, force_officer, target_date=JUNE)

    change = action.target_changes.get()
    assert (change.old_date, change.new_date, change.changed_by) == (None, JUNE, force_officer)


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_target_date_change_needs_a_reason(action, force_officer, row_counts, reason):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.action_change_target_date(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            new_date=DECEMBER,
            reason=reason,
        )

    assert refused.value.message_dict == {"reason": ["Say why the target date is changing."]}
    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).target_date == JUNE


def test_changing_the_target_date_to_the_same_date_is_refused(action, force_officer, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.action_change_target_date(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            new_date=JUNE,
            reason="Confirmed at the board.",
        )

    assert refused.value.message_dict == {"new_date": ["That is already the target date."]}
    assert row_counts() == before


def test_every_target_date_change_is_kept_with_who_what_and_why(item, force_officer, dcc):
    action = new_action(
        item, force_officer, target_date=JUNE, status="in_progress", owner_name="PPU"
    )

    services.action_change_target_date(
        action=action,
        by=force_officer,
        expected_version=action.lock_version,
        new_date=SEPTEMBER,
        reason="Waiting for the partners' protocol.",
    )
    services.action_change_target_date(
        action=action,
        by=dcc,
        expected_version=action.lock_version,
        new_date=DECEMBER,
        reason="  Agreed at the performance board.  ",
    )
    services.action_change_target_date(
        action=action,
        by=dcc,
        expected_version=action.lock_version,
        new_date=None,
        reason="Now depends on the national guidance.",
    )

    changes = [
        (c.old_date, c.new_date, c.changed_by, c.reason) for c in action.target_changes.all()
    ]
    assert changes == [
        (None, JUNE, force_officer, "Set when the action was created."),
        (JUNE, SEPTEMBER, force_officer, "Waiting for the partners' protocol."),
        (SEPTEMBER, DECEMBER, dcc, "Agreed at the performance board."),
        (DECEMBER, None, dcc, "Now depends on the national guidance."),
    ]
    assert Action.objects.get(pk=action.pk).target_date is None


def test_a_closed_action_keeps_its_target_date(action, force_officer, row_counts):
    close(action)
    before = row_counts()

    with pytest.raises(ValidationError):
        services.action_change_target_date(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            new_date=DECEMBER,
            reason="Too late.",
        )

    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).target_date == JUNE
