"""Recommendations under a cause of concern of their own report only, and the register's rules
held by the database whatever the code does."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from inspections import services
from inspections.choices import Addressee, ItemKind
from inspections.models import Item, Report
from tests.factories import ItemFactory, ReportFactory
from tests.inspections.item_helpers import RECOMMENDATION, messages_for

# --- Items: causes of concern --------------------------------------------------------------------


def cause_of_concern(report, opcc_staff, reference="1"):
    return services.item_create(
        report=report,
        by=opcc_staff,
        kind=ItemKind.CAUSE_OF_CONCERN,
        reference=reference,
        text="The force does not understand the risk to missing children.",
        addressee=Addressee.THIS_FORCE,
    )


def test_a_recommendation_can_sit_under_a_cause_of_concern_in_its_report(opcc_staff, report):
    concern = cause_of_concern(report, opcc_staff)

    recommendation = services.item_create(
        report=report, by=opcc_staff, cause_of_concern=concern, **RECOMMENDATION
    )

    assert list(concern.recommendations.all()) == [recommendation]


def test_a_cause_of_concern_from_another_report_is_refused(opcc_staff, report, row_counts):
    elsewhere = cause_of_concern(ReportFactory(), opcc_staff)
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.item_create(
            report=report, by=opcc_staff, cause_of_concern=elsewhere, **RECOMMENDATION
        )

    assert messages_for(refused.value, "cause_of_concern") == [
        "Choose a cause of concern from the same report."
    ]
    assert row_counts() == before


@pytest.mark.parametrize(
    "kind",
    [ItemKind.AREA_FOR_IMPROVEMENT, ItemKind.CAUSE_OF_CONCERN, ItemKind.INNOVATIVE_PRACTICE],
)
def test_only_recommendations_sit_under_a_cause_of_concern(opcc_staff, report, row_counts, kind):
    concern = cause_of_concern(report, opcc_staff)
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.item_create(
            report=report,
            by=opcc_staff,
            cause_of_concern=concern,
            **{**RECOMMENDATION, "kind": kind, "reference": "9"},
        )

    assert messages_for(refused.value, "cause_of_concern") == [
        "Only a recommendation can sit under a cause of concern."
    ]
    assert row_counts() == before


def test_a_recommendation_cannot_sit_under_another_recommendation(opcc_staff, report, row_counts):
    parent = services.item_create(report=report, by=opcc_staff, **RECOMMENDATION)
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.item_create(
            report=report,
            by=opcc_staff,
            cause_of_concern=parent,
            **{**RECOMMENDATION, "reference": "3.4"},
        )

    assert "cause_of_concern" in refused.value.message_dict
    assert row_counts() == before


# --- The database holds the same rules whatever the code does ------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"text": ""},
        {"reference": ""},
        {"addressee": Addressee.OTHER, "addressee_other": ""},
        {"action_required": False, "action_required_reason": ""},
        {"addressee": Addressee.HOME_OFFICE, "action_required_reason": ""},
    ],
    ids=["blank text", "blank reference", "unnamed body", "override", "addressee override"],
)
def test_the_database_refuses_an_item_that_breaks_the_rules(item, change):
    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.filter(pk=item.pk).update(**change)

    assert Item.objects.get(pk=item.pk).text == item.text


def test_the_database_refuses_an_afi_under_a_cause_of_concern(report):
    concern = ItemFactory(report=report, kind=ItemKind.CAUSE_OF_CONCERN)
    afi = ItemFactory(report=report, kind=ItemKind.AREA_FOR_IMPROVEMENT)

    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.filter(pk=afi.pk).update(cause_of_concern=concern)


def test_the_database_refuses_a_blank_report_title(report):
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(title="")


def test_an_item_with_open_actions_cannot_be_switched_to_needing_no_force_action(
    action, opcc_staff, row_counts
):
    item = action.item
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.item_update(
            item=item,
            by=opcc_staff,
            expected_version=item.lock_version,
            action_required=False,
            action_required_reason="HMICFRS withdrew it",
        )

    assert "open force actions" in str(refused.value)
    assert row_counts() == before
    assert Item.objects.get(pk=item.pk).action_required is True
