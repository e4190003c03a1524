"""Driving the reminders as beat and a worker would, one scan at a time, under frozen time."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from reminders.scan import reminders_scan
from reminders.sending import digest_send

LONDON = ZoneInfo("Europe/London")
ONE_DAY = datetime.timedelta(days=1)
#: Each simulated day: just before the sending time, at it, and after a change made at midday.
SCANS = (datetime.time(6, 59), datetime.time(7, 0), datetime.time(13, 0))


def local(day: datetime.date, at: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, at, tzinfo=LONDON)


def run_scan_and_worker(now: datetime.datetime) -> None:
    """One beat tick: the scan, then a worker sending every digest it handed over."""
    for digest_id in reminders_scan(now=now).to_send:
        digest_send(digest_id=digest_id, now=now)


@dataclass(frozen=True)
class Sent:
    at: datetime.datetime  # Europe/London
    to: str
    subject: str
    message: object

    @property
    def day(self) -> datetime.date:
        return self.at.date()


def simulate(traveller, outbox, first, last, at_midday=None) -> list[Sent]:
    """Every day from `first` to `last`: three scans; `at_midday(day)` may change something just
    before the 13:00 one. Returns every email sent, with the local time it went."""
    sent = []
    day = first
    while day <= last:
        for at in SCANS:
            now = local(day, at)
            traveller.move_to(now)
            if at_midday and at.hour == 13:
                at_midday(day)
            before = len(outbox)
            run_scan_and_worker(now)
            sent += [Sent(now, m.to[0], m.subject, m) for m in outbox[before:]]
        day += ONE_DAY
    return sent


def days_sent(sent: list[Sent], to: str) -> list[datetime.date]:
    return [s.day for s in sent if s.to == to]
