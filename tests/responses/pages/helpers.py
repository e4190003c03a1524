"""What the response page tests share: a frozen London clock, a page's words, and a report
recorded through the register's service (so its response opens with it)."""

import datetime
import re
from html import unescape
from zoneinfo import ZoneInfo

import time_machine

from inspections import services as register
from inspections.choices import ReportType, Scope

LONDON = ZoneInfo("Europe/London")


def at(year, month, day, hour=12):
    """Freeze the clock at a London wall-clock time."""
    return time_machine.travel(datetime.datetime(year, month, day, hour, tzinfo=LONDON), tick=False)


def page_text(response) -> str:
    """The page's words with the markup and runs of white space removed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip())


def record_report(by, title: str, published_on=datetime.date(2020, 2, 27)):
    return register.report_create(
        by=by,
        title=title,
        report_type=ReportType.NATIONAL,
        scope=Scope.ALL_FORCES,
        published_on=published_on,
        hmicfrs_url="",
        summary="",
    )
