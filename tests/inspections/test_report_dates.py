"""Plausible report dates (issue 11, case 8): a publication date from 1 January 2000 to 14 days
after today in Europe/London (offices receive reports under embargo), refused with an error on the
date field by the form and the service alike, and by the database before 2000."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from inspections import services
from inspections.models import Report
from tests.conftest import NCPI_2019

LONDON = ZoneInfo("Europe/London")
#: 23:30 in London on 30 June 2026 is 22:30 UTC: the London date is still 30 June, as it is in UTC.
#: 00:30 in London on 1 July is 23:30 UTC on 30 June: the London date has moved, UTC's has not.
JUST_AFTER_MIDNIGHT = datetime.datetime(2026, 7, 1, 0, 30, tzinfo=LONDON)


def record(by, published_on: datetime.date) -> Report:
    return services.report_create(by=by, **{**NCPI_2019, "published_on": published_on})


def date_errors(refused) -> list[str]:
    return refused.value.message_dict["published_on"]


def test_a_date_before_2000_is_refused_on_the_date_field(opcc_staff, row_counts):
    before = row_counts()
    with pytest.raises(ValidationError) as refused:
        record(opcc_staff, datetime.date(1999, 12, 31))
    assert "1 January 2000" in date_errors(refused)[0]
    assert row_counts() == before


def test_the_first_day_of_2000_is_accepted(opcc_staff):
    assert record(opcc_staff, datetime.date(2000, 1, 1)).pk


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_up_to_14_days_after_todays_london_date_is_accepted(opcc_staff):
    # Today in London is 1 July (in UTC still 30 June): 15 July is the fourteenth day after.
    assert record(opcc_staff, datetime.date(2026, 7, 15)).pk


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_the_fifteenth_day_ahead_is_refused_on_the_date_field(opcc_staff):
    with pytest.raises(ValidationError) as refused:
        record(opcc_staff, datetime.date(2026, 7, 16))
    assert "15 July 2026" in date_errors(refused)[0]


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_moving_a_recorded_report_to_2099_is_refused(opcc_staff):
    report = record(opcc_staff, datetime.date(2026, 6, 1))
    with pytest.raises(ValidationError) as refused:
        services.report_update(
            report=report,
            by=opcc_staff,
            expected_version=report.lock_version,
            published_on=datetime.date(2099, 1, 1),
        )
    assert date_errors(refused)
    assert Report.objects.get(pk=report.pk).published_on == datetime.date(2026, 6, 1)


@pytest.mark.parametrize("day", ["1850-02-27", "2099-02-27"])
def test_the_form_names_the_date_field(client, opcc_staff, row_counts, day):
    client.force_login(opcc_staff)
    before = row_counts()
    page = client.post(
        reverse("inspections:report_create"),
        {**NCPI_2019, "published_on": day, "hmicfrs_url": ""},
    )
    assert page.status_code == 200
    assert page.context["form"].errors["published_on"]
    assert not page.context["form"].non_field_errors()
    assert row_counts() == before


def test_the_database_refuses_a_date_before_2000(report):
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(published_on=datetime.date(1850, 2, 27))
