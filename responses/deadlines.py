"""The statutory clock, computed here and nowhere else.

Section 55(5A) of the Police Act 1996: the response is published "before the end of the period of
56 days beginning with the day on which the report is published". Day 1 is the publication day,
so day 56, the last day, is publication + 55 calendar days. No roll-forward for weekends or bank
holidays. The limit was inserted by the Policing and Crime Act 2017 and applies to reports
published on or after 2 May 2017.
"""

import datetime
from dataclasses import dataclass
from functools import cache

import holidays
from django.db import models

S55_PERIOD_DAYS = 56
S55_IN_FORCE_FROM = datetime.date(2017, 5, 2)
#: The office's default date for the Chief Constable's comments: 28 days after publication.
CC_COMMENTS_DEFAULT_DAYS = 28


class DeadlineRule(models.TextChoices):
    """Per report, so fire reports (no 56-day duty) can get their own rule later."""

    POLICE_S55 = "police_s55", "Police Act 1996, s55(5A): 56 days from publication"
    NONE = "none", "No statutory deadline"


@dataclass(frozen=True)
class Deadline:
    rule: DeadlineRule
    first_day: datetime.date | None
    last_day: datetime.date | None

    @property
    def explanation(self) -> str:
        if self.last_day is None:
            return (
                "No statutory deadline: the 56-day limit applies to reports published on or "
                f"after {S55_IN_FORCE_FROM:%-d %B %Y}."
            )
        return (
            f"Section 55(5A) of the Police Act 1996: within the period of {S55_PERIOD_DAYS} days "
            f"beginning with the day of publication. Day 1 is {self.first_day:%A %-d %B %Y}; "
            f"day {S55_PERIOD_DAYS} is {self.last_day:%A %-d %B %Y}. Weekends and bank holidays "
            "do not move it."
        )


def statutory_deadline(published_on: datetime.date) -> Deadline:
    if published_on < S55_IN_FORCE_FROM:
        return Deadline(DeadlineRule.NONE, None, None)
    last_day = published_on + datetime.timedelta(days=S55_PERIOD_DAYS - 1)
    return Deadline(DeadlineRule.POLICE_S55, published_on, last_day)


def default_cc_due_on(published_on: datetime.date) -> datetime.date:
    return published_on + datetime.timedelta(days=CC_COMMENTS_DEFAULT_DAYS)


def days_left(due_on: datetime.date, today: datetime.date) -> int:
    """Calendar days from today to the due date: 0 on the day itself, negative once past."""
    return (due_on - today).days


@cache
def _bank_holidays(year: int) -> holidays.HolidayBase:
    # England and Wales share their bank holidays; the `holidays` package keeps them up to date.
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_left(due_on: datetime.date, today: datetime.date) -> int:
    """England and Wales working days after today up to and including the due date (shown only;
    never moves the deadline)."""
    count = 0
    day = today + datetime.timedelta(days=1)
    while day <= due_on:
        count += is_working_day(day)
        day += datetime.timedelta(days=1)
    return count
