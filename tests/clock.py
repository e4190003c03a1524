"""Doing something on a given day, as it was done then: a publication recorded on its own day
needs no reason, and an approval is not later than the publication that follows it."""

import datetime
from zoneinfo import ZoneInfo

import time_machine

LONDON = ZoneInfo("Europe/London")


def on_the_day(day: datetime.date, hour: int = 12):
    """Frozen at `hour` o'clock, Europe/London, on `day`."""
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(hour), LONDON), tick=False
    )
