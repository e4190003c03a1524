"""Who an item is addressed to, read from its subject: the words before its "should"."""

import re
from dataclasses import dataclass

from .deadlines import DIRECTIVE

#: (addressee, pattern); the body named first in the subject wins.
BODIES = (
    (
        "all_chief_constables",
        r"\ball (?:police )?forces\b|\bchief constables\b|^forces\b|\bevery force\b",
    ),
    ("home_office", r"\bhome office\b|\bhome secretary\b"),
    ("npcc", r"\bnational police chiefs'? council\b|\bnpcc\b"),
    ("college_of_policing", r"\bcollege of policing\b"),
    (
        "force",
        r"\bthe force\b|\bthe chief constable\b|\bthis force\b|\bforce's\b"
        r"|\bthe constabulary\b|\bpolice\b$",
    ),
)
_LEAD_IN = re.compile(
    r"^(?:we recommend that,?\s*|to address this (?:cause of concern|area),?\s*)", re.I
)
_DEADLINE_WORDS = re.compile(
    r"^(?:(?:by|within|not later than|no later than|before)\b[^,]*,\s*|immediately,?\s*)", re.I
)


@dataclass(frozen=True)
class Addressed:
    addressee: str
    body: str = ""  # the named body, when addressee is "other"


def find_addressee(text: str) -> Addressed:
    subject = _subject(text)
    if subject is None:
        return Addressed("force")
    found = []
    for addressee, pattern in BODIES:
        match = re.search(pattern, subject, re.I)
        if match:
            found.append((match.start(), addressee))
    if found:
        return Addressed(min(found)[1])
    body = re.sub(r"^the\s+", "", subject, flags=re.I).strip(" ,")
    if body.lower() in ("", "it", "they", "we", "you") or len(body) > 120:
        return Addressed("force")
    return Addressed("other", body[0].upper() + body[1:])


def _subject(text: str) -> str | None:
    directive = DIRECTIVE.search(text)
    if directive is None:
        return None
    subject = text[: directive.start()].strip()
    for _ in range(3):  # "We recommend that, by March 2024, ..." peels in turn
        subject = _DEADLINE_WORDS.sub("", _LEAD_IN.sub("", subject)).strip()
    return subject
