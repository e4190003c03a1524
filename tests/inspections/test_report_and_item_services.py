"""Recording reports and their items: bad input is refused with a message and saves nothing."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

from inspections import services
from inspections.choices import Addressee, ItemKind, ReportType, Scope
from inspections.models import Item, Report
from tests.factories import ItemFactory, ReportFactory

NCPI = {
    "title": "National Child Protection Inspections 2019: thematic report",
    "report_type": ReportType.CHILD_PROTECTION,
    "scope": Scope.ALL_FORCES,
    "published_on": datetime.date(2020, 2, 27),
}

RECOMMENDATION = {
    "kind": ItemKind.RECOMMENDATION,
    "reference": "3.3",
    "text": "Chief constables should review how they respond to missing children.",
    "addressee": Addressee.ALL_CHIEF_CONSTABLES,
}


def messages_for(error: ValidationError, field: str) -> list[str]:
    return error.message_dict.get(field, [])


# --- Reports -------------------------------------------------------------------------------------


def test_a_recorded_report_remembers_who_recorded_it(opcc_staff, row_counts):
    report = services.report_create(by=opcc_staff, **NCPI)

    assert Report.objects.get().title == NCPI["title"]
    assert report.history.get().history_user == opcc_staff


@pytest.mark.parametrize("title", ["", "   "])
def test_a_report_needs_a_title(opcc_staff, row_counts, title):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.report_create(by=opcc_staff, **{**NCPI, "title": title})

    assert messages_for(refused.value, "title") == ["This field cannot be blank."]
    assert row_counts() == before


def test_the_same_report_cannot_be_recorded_twice(opcc_staff, row_counts):
    services.report_create(by=opcc_staff, **NCPI)
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.report_create(by=opcc_staff, **NCPI)

    assert "already exists" in str(refused.value)
    assert row_counts() == before


def test_clearing_a_report_title_is_refused_and_the_stored_report_is_unchanged(
    opcc_staff, report, row_counts
):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.report_update(
            report=report, by=opcc_staff, expected_version=report.lock_version, title=""
        )

    assert messages_for(refused.value, "title") == ["This field cannot be blank."]
    assert row_counts() == before
    stored = Report.objects.get(pk=report.pk)
    assert stored.title.startswith("Inspection report")
    assert stored.lock_version == 1


# --- Items: the basics ---------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["text", "reference"])
@pytest.mark.parametrize("value", ["", "  "])
def test_an_item_needs_its_text_and_reference(opcc_staff, report, row_counts, field, value):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.item_create(report=report, by=opcc_staff, **{**RECOMMENDATION, field: value})

    assert messages_for(refused.value, field) == ["This field cannot be blank."]
    assert row_counts() == before


def test_an_item_reference_is_used_once_per_kind_in_a_report(opcc_staff, report, row_counts):
    services.item_create(report=report, by=opcc_staff, **RECOMMENDATION)
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.item_create(
            report=report, by=opcc_staff, **{**RECOMMENDATION, "text": "Another text."}
        )

    assert "already exists" in " ".join(messages_for(refused.value, NON_FIELD_ERRORS))
    assert row_counts() == before


def test_the_same_reference_may_be_used_by_another_kind_or_in_another_report(opcc_staff, report):
    services.item_create(report=report, by=opcc_staff, **RECOMMENDATION)

    services.item_create(
        report=report, by=opcc_staff, **{**RECOMMENDATION, "kind": ItemKind.AREA_FOR_IMPROVEMENT}
    )
    services.item_create(report=ReportFactory(), by=opcc_staff, **RECOMMENDATION)

    assert Item.objects.filter(reference="3.3").count() == 3


def test_renaming_an_item_to_a_reference_already_used_is_refused(opcc_staff, report, row_counts):
    services.item_create(report=report, by=opcc_staff, **RECOMMENDATION)
    other = services.item_create(
        report=report, by=opcc_staff, **{**RECOMMENDATION, "reference": "3.4"}
    )
    before = row_counts()

    with pytest.raises(ValidationError):
        services.item_update(
            item=other, by=opcc_staff, expected_version=other.lock_version, reference="3.3"
        )

    assert row_counts() == before
    assert Item.objects.get(pk=other.pk).reference == "3.4"


def test_an_item_for_another_body_must_name_the_body(opcc_staff, report, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.item_create(
            report=report,
            by=opcc_staff,
            **{**RECOMMENDATION, "addressee": Addressee.OTHER, "addressee_other": " "},
        )

    assert messages_for(refused.value, "addressee_other") == [
        "Name the body this item is addressed to."
    ]
    assert row_counts() == before


def test_an_item_for_a_named_other_body_is_recorded_and_shown_by_that_name(opcc_staff, report):
    item = services.item_create(
        report=report,
        by=opcc_staff,
        **{
            **RECOMMENDATION,
            "addressee": Addressee.OTHER,
            "addressee_other": "Ministry of Justice and Department for Education",
        },
    )

    assert item.addressee_label == "Ministry of Justice and Department for Education"


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
