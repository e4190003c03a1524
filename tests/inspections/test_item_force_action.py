"""Whether the force must act on an item: it follows the addressee unless overridden, and an
override needs a reason; refused input saves nothing."""

import pytest
from django.core.exceptions import ValidationError

from inspections import services
from inspections.choices import Addressee
from inspections.models import Item
from tests.inspections.item_helpers import RECOMMENDATION, messages_for

# --- Items: whether the force must act -----------------------------------------------------------


@pytest.mark.parametrize(
    ("addressee", "needs_action"),
    [
        (Addressee.THIS_FORCE, True),
        (Addressee.ALL_CHIEF_CONSTABLES, True),
        (Addressee.HOME_OFFICE, False),
        (Addressee.NPCC, False),
        (Addressee.COLLEGE_OF_POLICING, False),
    ],
)
def test_force_action_follows_the_addressee_by_default(opcc_staff, report, addressee, needs_action):
    item = services.item_create(
        report=report, by=opcc_staff, **{**RECOMMENDATION, "addressee": addressee}
    )

    assert Item.objects.get(pk=item.pk).action_required is needs_action


@pytest.mark.parametrize(
    ("addressee", "override"),
    [(Addressee.HOME_OFFICE, True), (Addressee.ALL_CHIEF_CONSTABLES, False)],
)
@pytest.mark.parametrize("reason", ["", "   "])
def test_overriding_force_action_needs_a_reason(
    opcc_staff, report, row_counts, addressee, override, reason
):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.item_create(
            report=report,
            by=opcc_staff,
            action_required=override,
            action_required_reason=reason,
            **{**RECOMMENDATION, "addressee": addressee},
        )

    assert messages_for(refused.value, "action_required_reason") == [
        "Say why force action differs from what the addressee implies."
    ]
    assert row_counts() == before


def test_an_override_with_a_reason_is_kept_with_its_reason(opcc_staff, report):
    item = services.item_create(
        report=report,
        by=opcc_staff,
        action_required=True,
        action_required_reason="The force chairs the regional working group.",
        **{**RECOMMENDATION, "addressee": Addressee.HOME_OFFICE},
    )

    stored = Item.objects.get(pk=item.pk)
    assert stored.action_required is True
    assert stored.action_required_reason == "The force chairs the regional working group."


def test_choosing_what_the_addressee_implies_is_not_an_override_and_keeps_no_reason(
    opcc_staff, report
):
    item = services.item_create(
        report=report,
        by=opcc_staff,
        action_required=True,
        action_required_reason="Not needed.",
        **RECOMMENDATION,
    )

    assert Item.objects.get(pk=item.pk).action_required_reason == ""


def test_changing_the_addressee_moves_the_default_with_it(opcc_staff, report):
    item = services.item_create(
        report=report, by=opcc_staff, **{**RECOMMENDATION, "addressee": Addressee.HOME_OFFICE}
    )
    assert item.action_required is False

    services.item_update(
        item=item,
        by=opcc_staff,
        expected_version=item.lock_version,
        addressee=Addressee.THIS_FORCE,
    )

    assert Item.objects.get(pk=item.pk).action_required is True


def test_an_override_without_a_reason_on_edit_leaves_the_item_as_it_was(
    opcc_staff, item, row_counts
):
    before = row_counts()

    with pytest.raises(ValidationError):
        services.item_update(
            item=item,
            by=opcc_staff,
            expected_version=item.lock_version,
            action_required=False,
            text="Edited text that must not be kept.",
        )

    assert row_counts() == before
    stored = Item.objects.get(pk=item.pk)
    assert stored.action_required is True
    assert stored.text == "Chief constables should review how they protect children."
    assert stored.lock_version == 1
