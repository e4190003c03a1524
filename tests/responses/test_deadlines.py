"""The statutory clock (s55(5A)): 56 days beginning with the publication day, so the last day is
publication + 55 calendar days, worked out once, stored on the response and read on the London
calendar. Weekends and bank holidays are shown as working days left but never move the date."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from inspections import services as inspections
from responses import deadlines
from responses.choices import ResponseStatus
from responses.deadlines import DeadlineRule
from responses.models import Response
from tests.conftest import NCPI_2019

LONDON = ZoneInfo("Europe/London")
UTC = datetime.UTC
D = datetime.date


def at(*args, tz=LONDON) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=tz)


def record_report(by, published_on: datetime.date, title: str = "A thematic report"):
    fields = {**NCPI_2019, "title": title, "published_on": published_on}
    report = inspections.report_create(by=by, **fields)
    return Response.objects.get(report=report)


# --- Working out the date -------------------------------------------------------------------------


def test_the_ncpi_2019_report_published_27_february_2020_is_due_22_april_2020(opcc_staff):
    with time_machine.travel(at(2020, 2, 27, 9, 0), tick=False):
        report = inspections.report_create(by=opcc_staff, **NCPI_2019)

    assert report.response.due_on == D(2020, 4, 22)
    stored = Response.objects.get(report=report)
    assert stored.due_on == D(2020, 4, 22)
    assert stored.deadline_rule == DeadlineRule.POLICE_S55
    assert list(Response.objects.filter(due_on=D(2020, 4, 22))) == [stored]


def test_the_due_date_is_stored_in_an_indexed_column_so_jobs_can_ask_what_is_due():
    assert Response._meta.get_field("due_on").db_index


@pytest.mark.parametrize(
    ("published_on", "due_on"),
    [
        pytest.param(D(2020, 2, 27), D(2020, 4, 22), id="NCPI 2019, across 29 February 2020"),
        pytest.param(D(2017, 5, 2), D(2017, 6, 26), id="the first day of the duty"),
        pytest.param(D(2021, 1, 31), D(2021, 3, 27), id="a month end in a common year"),
        pytest.param(D(2024, 1, 31), D(2024, 3, 26), id="a month end in a leap year"),
        pytest.param(D(2021, 12, 15), D(2022, 2, 8), id="across a year end"),
        pytest.param(D(2024, 1, 1), D(2024, 2, 25), id="new year's day of a leap year"),
        pytest.param(D(2024, 2, 15), D(2024, 4, 10), id="spanning 29 February 2024"),
        pytest.param(D(2023, 2, 15), D(2023, 4, 11), id="the same span in a common year"),
        pytest.param(D(2024, 2, 29), D(2024, 4, 24), id="published on 29 February"),
    ],
)
def test_a_report_is_due_on_the_56th_day_counting_its_publication_day_as_the_first(
    opcc_staff, published_on, due_on
):
    response = record_report(opcc_staff, published_on)

    assert response.due_on == due_on
    assert response.deadline_rule == DeadlineRule.POLICE_S55
    deadline = deadlines.statutory_deadline(published_on)
    assert deadline.first_day == published_on
    assert (deadline.last_day - deadline.first_day).days + 1 == 56


def test_a_report_published_the_day_before_the_duty_began_has_no_deadline(opcc_staff):
    response = record_report(opcc_staff, D(2017, 5, 1))

    assert response.due_on is None
    assert response.deadline_rule == DeadlineRule.NONE
    assert "2 May 2017" in response.deadline.explanation
    with time_machine.travel(at(2030, 1, 1, 12, 0), tick=False):
        assert response.days_left() is None
        assert not response.is_overdue()
        assert not Response.objects.overdue(timezone.localdate()).exists()


def test_the_explanation_names_day_1_and_day_56():
    explanation = deadlines.statutory_deadline(D(2020, 2, 27)).explanation

    assert "Day 1 is Thursday 27 February 2020" in explanation
    assert "day 56 is Wednesday 22 April 2020" in explanation


def test_the_chief_constables_comments_are_due_28_days_after_publication_by_default(opcc_staff):
    response = record_report(opcc_staff, D(2020, 2, 27))

    assert response.cc_due_on == D(2020, 3, 26)


@pytest.mark.parametrize(
    ("published_on", "due_on"),
    [
        pytest.param(D(2020, 2, 15), D(2020, 4, 10), id="Good Friday 2020"),
        pytest.param(D(2020, 2, 18), D(2020, 4, 13), id="Easter Monday 2020"),
        pytest.param(D(2020, 3, 14), D(2020, 5, 8), id="the VE Day bank holiday 2020"),
        pytest.param(D(2020, 3, 2), D(2020, 4, 26), id="a Sunday"),
        pytest.param(D(2021, 1, 31), D(2021, 3, 27), id="a Saturday"),
        pytest.param(D(2021, 11, 1), D(2021, 12, 26), id="Boxing Day, a Sunday"),
    ],
)
def test_a_weekend_or_bank_holiday_never_moves_the_due_date(opcc_staff, published_on, due_on):
    response = record_report(opcc_staff, published_on)

    assert response.due_on == due_on
    assert not deadlines.is_working_day(due_on)


# --- The publication date changes -----------------------------------------------------------------


def test_correcting_the_publication_date_moves_the_due_date(opcc_staff):
    report = inspections.report_create(by=opcc_staff, **NCPI_2019)

    inspections.report_update(
        report=report,
        by=opcc_staff,
        expected_version=report.lock_version,
        published_on=D(2020, 3, 2),
    )

    stored = Response.objects.get(report=report)
    assert stored.due_on == D(2020, 4, 26)
    assert stored.deadline_rule == DeadlineRule.POLICE_S55


def test_moving_the_publication_date_before_may_2017_removes_the_deadline_and_back_restores_it(
    opcc_staff,
):
    report = inspections.report_create(by=opcc_staff, **NCPI_2019)

    inspections.report_update(
        report=report,
        by=opcc_staff,
        expected_version=report.lock_version,
        published_on=D(2017, 5, 1),
    )
    assert Response.objects.values_list("deadline_rule", "due_on").get(report=report) == (
        DeadlineRule.NONE,
        None,
    )

    inspections.report_update(
        report=report,
        by=opcc_staff,
        expected_version=report.lock_version,
        published_on=D(2017, 5, 2),
    )
    assert Response.objects.values_list("deadline_rule", "due_on").get(report=report) == (
        DeadlineRule.POLICE_S55,
        D(2017, 6, 26),
    )


# --- Days left and overdue ------------------------------------------------------------------------


def test_on_the_due_day_no_days_are_left_and_the_response_is_not_yet_overdue(opcc_staff):
    response = record_report(opcc_staff, D(2020, 2, 27))

    with time_machine.travel(at(2020, 4, 22, 12, 0), tick=False):
        assert response.days_left() == 0
        assert not response.is_overdue()
        assert not Response.objects.overdue(timezone.localdate()).exists()


def test_the_day_before_the_due_day_one_day_is_left(opcc_staff):
    response = record_report(opcc_staff, D(2020, 2, 27))

    with time_machine.travel(at(2020, 4, 21, 23, 59), tick=False):
        assert response.days_left() == 1
        assert not response.is_overdue()


def test_the_day_after_the_due_day_the_response_is_overdue(opcc_staff):
    response = record_report(opcc_staff, D(2020, 2, 27))

    with time_machine.travel(at(2020, 4, 23, 0, 1), tick=False):
        assert response.days_left() == -1
        assert response.is_overdue()
        assert list(Response.objects.overdue(timezone.localdate())) == [response]


@pytest.mark.parametrize("status", [ResponseStatus.PUBLISHED, ResponseStatus.SENT])
def test_a_published_response_is_never_overdue(response_in, status):
    response = response_in(status)

    with time_machine.travel(at(2020, 6, 1, 12, 0), tick=False):
        assert response.days_left() < 0
        assert not response.is_overdue()
        assert not Response.objects.overdue(timezone.localdate()).exists()


def test_an_approved_but_unpublished_response_is_overdue_the_day_after(response_in):
    response = response_in(ResponseStatus.APPROVED)

    with time_machine.travel(at(2020, 4, 23, 9, 0), tick=False):
        assert response.is_overdue()
        assert list(Response.objects.overdue(timezone.localdate())) == [response]


def test_only_the_overdue_responses_are_listed_as_overdue(opcc_staff):
    late = record_report(opcc_staff, D(2020, 2, 27), title="Due 22 April 2020")
    due_today = record_report(opcc_staff, D(2020, 2, 28), title="Due 23 April 2020")
    record_report(opcc_staff, D(2016, 3, 23), title="Before the duty")

    with time_machine.travel(at(2020, 4, 23, 9, 0), tick=False):
        overdue = list(Response.objects.overdue(timezone.localdate()))

    assert overdue == [late]
    assert not due_today.is_overdue(D(2020, 4, 23))


# --- Across the clock changes: the London date is what counts -------------------------------------


@pytest.mark.parametrize(
    "moment",
    [
        pytest.param(at(2020, 4, 22, 0, 30), id="00:30 BST on the due day"),
        pytest.param(at(2020, 4, 21, 23, 30, tz=UTC), id="23:30 UTC the day before"),
        pytest.param(at(2020, 4, 22, 23, 59), id="23:59 BST on the due day"),
    ],
)
def test_in_summer_time_the_due_day_runs_from_london_midnight_to_midnight(opcc_staff, moment):
    response = record_report(opcc_staff, D(2020, 2, 27))

    with time_machine.travel(moment, tick=False):
        assert timezone.localdate() == D(2020, 4, 22)
        assert response.days_left() == 0
        assert not response.is_overdue()


def test_at_00_30_bst_the_day_after_it_is_overdue_though_utc_still_says_the_due_day(opcc_staff):
    response = record_report(opcc_staff, D(2020, 2, 27))

    with time_machine.travel(at(2020, 4, 22, 23, 30, tz=UTC), tick=False):
        assert timezone.now().date() == D(2020, 4, 22)
        assert response.days_left() == -1
        assert response.is_overdue()
        assert Response.objects.overdue(timezone.localdate()).exists()


def test_when_the_clocks_go_forward_on_the_due_day_it_ends_at_london_midnight(opcc_staff):
    # Published 3 February 2020, due Sunday 29 March 2020: British Summer Time began at 01:00 GMT.
    response = record_report(opcc_staff, D(2020, 2, 3))
    assert response.due_on == D(2020, 3, 29)

    with time_machine.travel(at(2020, 3, 29, 0, 30), tick=False):  # GMT, before the change
        assert response.days_left() == 0
    with time_machine.travel(at(2020, 3, 29, 23, 30), tick=False):  # BST
        assert response.days_left() == 0
        assert not response.is_overdue()
    with time_machine.travel(at(2020, 3, 29, 23, 30, tz=UTC), tick=False):  # 00:30 BST, 30th
        assert response.is_overdue()


def test_when_the_clocks_go_back_on_the_due_day_it_starts_at_london_midnight(opcc_staff):
    # Published 31 August 2020, due Sunday 25 October 2020: BST ended at 01:00 GMT.
    response = record_report(opcc_staff, D(2020, 8, 31))
    assert response.due_on == D(2020, 10, 25)

    with time_machine.travel(at(2020, 10, 24, 23, 30, tz=UTC), tick=False):  # 00:30 BST, 25th
        assert response.days_left() == 0
    with time_machine.travel(at(2020, 10, 25, 23, 59), tick=False):  # GMT
        assert response.days_left() == 0
        assert not response.is_overdue()
    with time_machine.travel(at(2020, 10, 26, 0, 0), tick=False):
        assert response.is_overdue()


# --- Working days left (shown only) ---------------------------------------------------------------


def test_working_days_left_skip_the_easter_2020_bank_holidays(opcc_staff):
    response = record_report(opcc_staff, D(2020, 2, 27))

    with time_machine.travel(at(2020, 4, 9, 17, 0), tick=False):  # Maundy Thursday
        today = timezone.localdate()
        assert response.days_left() == 13
        # 14-17 and 20-22 April; not Good Friday 10 or Easter Monday 13 April, nor weekends.
        assert deadlines.working_days_left(response.due_on, today) == 7


def test_the_2020_early_may_bank_holiday_was_friday_8_may_not_monday_4_may(opcc_staff):
    response = record_report(opcc_staff, D(2020, 3, 13))
    assert response.due_on == D(2020, 5, 7)

    with time_machine.travel(at(2020, 5, 1, 12, 0), tick=False):
        # Monday 4 to Thursday 7 May were all working days in 2020.
        assert deadlines.working_days_left(response.due_on, timezone.localdate()) == 4
    assert deadlines.working_days_left(D(2020, 5, 11), D(2020, 5, 7)) == 1  # 8 May off


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2020, 4, 9), True),
        (D(2020, 4, 10), False),  # Good Friday
        (D(2020, 4, 11), False),  # Saturday
        (D(2020, 4, 13), False),  # Easter Monday
        (D(2020, 4, 14), True),
        (D(2020, 5, 4), True),  # moved in 2020
        (D(2020, 5, 8), False),  # VE Day
        (D(2021, 5, 3), False),  # back on the first Monday
    ],
)
def test_working_days_follow_the_england_and_wales_bank_holidays(day, working):
    assert deadlines.is_working_day(day) is working


def test_working_days_left_on_the_due_day_and_after_it_are_none(opcc_staff):
    assert deadlines.working_days_left(D(2020, 4, 22), D(2020, 4, 22)) == 0
    assert deadlines.working_days_left(D(2020, 4, 22), D(2020, 4, 30)) == 0
