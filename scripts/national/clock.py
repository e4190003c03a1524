"""Dates and times for the generated register, all in Europe/London like the app."""

import datetime
import random
import zoneinfo

LONDON = zoneinfo.ZoneInfo("Europe/London")


class Clock:
    def __init__(self, *, today: datetime.date, now: datetime.datetime, rng: random.Random):
        self.today = today
        self.now = now
        self.rng = rng

    def at(self, day: datetime.date, hour: int | None = None) -> datetime.datetime:
        """A working-hours moment on `day` (never later than now)."""
        hour = self.rng.randint(8, 17) if hour is None else hour
        moment = datetime.datetime.combine(day, datetime.time(hour, self.rng.randint(0, 59)))
        return min(moment.replace(tzinfo=LONDON), self.now - datetime.timedelta(minutes=5))

    def between(self, start: datetime.datetime, end: datetime.datetime) -> datetime.datetime:
        """A moment in [start, end] (start when the span is empty)."""
        span = (end - start).total_seconds()
        if span <= 0:
            return start
        return start + datetime.timedelta(seconds=self.rng.uniform(0, span))

    def days_after(self, day: datetime.date, low: int, high: int) -> datetime.date:
        return day + datetime.timedelta(days=self.rng.randint(low, high))
