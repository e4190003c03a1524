"""Recording reports and their items: bad input is refused with a message and saves nothing."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from inspections import services
from inspections.choices import Addressee, ItemKind, ReportType, Scope
from inspections.models import Item, Report
from tests.factories import ReportFactory
from tests.inspections.item_helpers import RECOMMENDATION, messages_for

NCPI = {
    "title": "National Child Protection Inspections 2019: thematic report",
    "report_type": ReportType.CHILD_PROTECTION,
    "scope": Scope.ALL_FORCES,
    "published_on": datetime.date(2020, 2, 27),
}


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
