"""Deadlines in HMICFRS's words: "By 31 March 2024", "By July 2018" (the month's last day),
"Within six months" (from the publication date), "Immediately" (the publication date). Only a
phrase that governs the item counts: one before or right after its "should", so "within 15
minutes" or "at least annually" in the body of the text are left alone, as is a start date
("from July 2018")."""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "twenty-four": 24, "twenty four": 24,
}  # fmt: skip
_MONTH = "|".join(MONTHS)
_COUNT = "|".join(sorted(NUMBERS, key=len, reverse=True)) + r"|\d{1,2}"
_BY = r"(?:by|not later than|no later than|before)(?:\s+the\s+end\s+of)?"

DAY_DATE = re.compile(rf"\b{_BY}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s+(\d{{4}})\b", re.I)
MONTH_DATE = re.compile(rf"\b{_BY}\s+({_MONTH})\s+(\d{{4}})\b", re.I)
WITHIN = re.compile(rf"\bwithin\s+(?:the\s+next\s+)?({_COUNT})\s+(months?|years?|weeks?)\b", re.I)
AT_ONCE = re.compile(r"\b(?:with immediate effect|immediately)\b", re.I)
DIRECTIVE = re.compile(r"\b(?:should|must|needs? to|are to|is to)\b", re.I)


@dataclass(frozen=True)
class Deadline:
    on: date | None
    words: str


NONE = Deadline(None, "")


def find_deadline(text: str, published: date | None) -> Deadline:
    """The item's own deadline, with the words that set it; NONE if it has none."""
    reach = _reach(text)
    found = [
        (match.start(), match, reader)
        for pattern, reader in READERS
        for match in pattern.finditer(text)
        if match.start() <= reach
    ]
    if not found:
        return NONE
    _, match, reader = min(found, key=lambda candidate: candidate[0])
    words = match.group(0)
    return Deadline(reader(match, published), words[0].upper() + words[1:])


def _reach(text: str) -> int:
    """How far into the text a deadline phrase may start: up to just after the first "should"
    (so "should, within six months," counts), or the first sixty characters without one."""
    directive = DIRECTIVE.search(text)
    return directive.end() + 3 if directive else 60


def _day_date(match, published):
    day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_date(match, published):
    month, year = MONTHS[match.group(1).lower()], int(match.group(2))
    return date(year, month, calendar.monthrange(year, month)[1])


def _within(match, published):
    if published is None:
        return None
    count = match.group(1).lower()
    amount = int(count) if count.isdigit() else NUMBERS[count]
    unit = match.group(2).lower().rstrip("s") + "s"
    return published + relativedelta(**{unit: amount})


def _at_once(match, published):
    return published


READERS = (
    (DAY_DATE, _day_date),
    (MONTH_DATE, _month_date),
    (WITHIN, _within),
    (AT_ONCE, _at_once),
)
