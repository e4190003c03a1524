"""RAG against the target date, on the London calendar: red once the target date has passed, amber
within 30 days or with no target date, green otherwise, done once closed or superseded."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from inspections.choices import ActionStatus, Rag
from inspections.models import Action

LONDON = ZoneInfo("Europe/London")


def at(*args) -> datetime.datetime:
    """A wall-clock time in London."""
    return datetime.datetime(*args, tzinfo=LONDON)


def rag_at(moment: datetime.datetime, target, status=ActionStatus.IN_PROGRESS) -> Rag:
    action = Action(description="Review", owner_name="PPU", target_date=target, status=status)
    with time_machine.travel(moment, tick=False):
        return action.rag()


D = datetime.date


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (D(2025, 6, 14), Rag.RED),  # yesterday
        (D(2024, 1, 1), Rag.RED),
        (D(2025, 6, 15), Rag.AMBER),  # due today: not yet late
        (D(2025, 6, 16), Rag.AMBER),
        (D(2025, 7, 15), Rag.AMBER),  # 30 days away
        (D(2025, 7, 16), Rag.GREEN),  # 31 days away
        (D(2026, 1, 1), Rag.GREEN),
        (None, Rag.AMBER),  # no target date is a warning, not a pass
    ],
)
def test_rag_follows_the_target_date(target, expected):
    assert rag_at(at(2025, 6, 15, 12, 0), target) == expected


@pytest.mark.parametrize("status", [ActionStatus.CLOSED, ActionStatus.SUPERSEDED])
@pytest.mark.parametrize("target", [D(2020, 1, 1), D(2025, 6, 20), D(2030, 1, 1), None])
def test_a_closed_or_superseded_action_is_done_whatever_its_date(status, target):
    assert rag_at(at(2025, 6, 15, 12, 0), target, status) == Rag.DONE


@pytest.mark.parametrize(
    "status",
    [
        ActionStatus.AWAITING_ALLOCATION,
        ActionStatus.IN_PROGRESS,
        ActionStatus.PENDING_SIGN_OFF,
        ActionStatus.NATIONAL_DEPENDENCY,
    ],
)
def test_an_unfinished_action_past_its_date_is_red_whatever_its_status(status):
    assert rag_at(at(2025, 6, 15, 12, 0), D(2025, 6, 1), status) == Rag.RED


# --- Around a month end -----------------------------------------------------------------------


def test_an_action_due_on_the_last_day_of_the_month_is_amber_until_midnight():
    assert rag_at(at(2025, 1, 31, 23, 59, 59), D(2025, 1, 31)) == Rag.AMBER


def test_an_action_due_on_the_last_day_of_the_month_is_red_just_after_midnight():
    assert rag_at(at(2025, 2, 1, 0, 0, 1), D(2025, 1, 31)) == Rag.RED


@pytest.mark.parametrize(
    ("target", "expected"),
    [(D(2025, 3, 2), Rag.AMBER), (D(2025, 3, 3), Rag.GREEN)],
)
def test_the_30_days_count_calendar_days_across_february(target, expected):
    assert rag_at(at(2025, 1, 31, 9, 0), target) == expected


@pytest.mark.parametrize(
    ("target", "expected"),
    [(D(2024, 3, 30), Rag.AMBER), (D(2024, 3, 31), Rag.GREEN)],
)
def test_the_30_days_include_the_leap_day(target, expected):
    assert rag_at(at(2024, 2, 29, 9, 0), target) == expected


# --- Around the clock changes -----------------------------------------------------------------
# British Summer Time starts at 01:00 GMT on the last Sunday of March (30 March 2025) and ends
# at 01:00 GMT on the last Sunday of October (26 October 2025). Between midnight and 01:00 BST
# the London date is a day ahead of the UTC date: an action due the day before is already late.


def test_just_after_midnight_in_summer_time_yesterdays_action_is_red():
    moment = at(2025, 3, 31, 0, 30)
    assert moment.astimezone(datetime.UTC).date() == D(2025, 3, 30)

    assert rag_at(moment, D(2025, 3, 30)) == Rag.RED


def test_just_before_midnight_on_the_day_summer_time_starts_the_action_is_not_yet_late():
    assert rag_at(at(2025, 3, 30, 23, 59), D(2025, 3, 30)) == Rag.AMBER


def test_the_night_the_clocks_go_forward_is_still_the_same_day():
    assert rag_at(at(2025, 3, 30, 0, 30), D(2025, 3, 29)) == Rag.RED
    assert rag_at(at(2025, 3, 30, 3, 30), D(2025, 3, 30)) == Rag.AMBER


def test_on_the_last_night_of_summer_time_the_london_date_decides():
    moment = at(2025, 10, 26, 0, 30)
    assert moment.astimezone(datetime.UTC).date() == D(2025, 10, 25)

    assert rag_at(moment, D(2025, 10, 25)) == Rag.RED


def test_the_amber_window_uses_the_london_date_in_summer_time():
    # 00:30 BST on 31 March is still 30 March in UTC; 30 April is 30 London days away.
    assert rag_at(at(2025, 3, 31, 0, 30), D(2025, 4, 30)) == Rag.AMBER
    assert rag_at(at(2025, 3, 31, 0, 30), D(2025, 5, 1)) == Rag.GREEN


def test_rag_can_be_asked_for_a_given_day():
    action = Action(description="Review", owner_name="PPU", target_date=D(2025, 6, 1))

    assert action.rag(today=D(2025, 5, 2)) == Rag.AMBER
    assert action.rag(today=D(2025, 5, 1)) == Rag.GREEN
    assert action.rag(today=D(2025, 6, 2)) == Rag.RED


# --- What people see ------------------------------------------------------------------------------


def test_the_item_page_shows_an_overdue_action_as_red(client, jasp, action):
    action.target_date = D(2025, 3, 30)
    action.save()
    client.force_login(jasp)

    with time_machine.travel(at(2025, 3, 31, 0, 30), tick=False):
        assert timezone.localdate() == D(2025, 3, 31)
        response = client.get(action.item.get_absolute_url())

    assert 'class="rag rag-red"' in response.text
    assert "Red: past its target date" in response.text


def test_the_item_page_shows_a_closed_action_as_done(client, jasp, action, dcc):
    Action.objects.filter(pk=action.pk).update(
        status=ActionStatus.CLOSED,
        closed_at=timezone.now(),
        closed_by=dcc,
        target_date=D(2020, 1, 1),
    )
    client.force_login(jasp)

    response = client.get(action.item.get_absolute_url())

    assert 'class="rag rag-done"' in response.text
    assert "rag-red" not in response.text
