"""From lines to blocks (paragraphs, list items, headings), and what each block starts with:
a printed marker ("1.", "1.By", "3.3", "•"), a label ("Recommendation 1", "AFI 2", "Cause of
concern"), page furniture, or nothing."""

import re
from dataclasses import dataclass

from .lines import Line

MARKER = re.compile(
    r"""^(?:
        (?P<bullet>[•·▪◦‣∙●○■□*\u2013\u2014-])\s*
      | \(?(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})[.)](?=\s|[A-Z]|$)\s*
      | (?P<dotted>\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)(?:\s+|$)
      | \((?P<letter>[a-z]|[ivx]{1,4})\)\s*
      | (?P<letter2>[a-z])\)\s+
    )""",
    re.X,
)
KINDS = (
    ("cause_of_concern", r"causes? of concern"),
    ("recommendation", r"recommendations?"),
    ("area_for_improvement", r"areas? for improvement|afis?"),
    ("innovative_practice", r"(?:innovative|promising)(?: (?:or|and) promising)? practices?"),
)
LABEL = re.compile(
    r"^(?P<label>" + "|".join(pattern for _, pattern in KINDS) + r")\b"
    r"\s*(?P<ref>\d{1,2}(?:\.\d{1,2}){0,2}\b)?\s*(?P<sep>[:.\-\u2013\u2014]\s*)?(?P<rest>.*)$",
    re.I,
)
FURNITURE = re.compile(
    r"""^(?:skip\ to\ (?:main\ )?content|print\ this\ (?:document|page|report)|back\ to\ top
      |share\ this\ (?:page|report)|menu|search|home|contents|table\ of\ contents|crown\ copyright.*
      |©.*|page\ \d+(?:\ of\ \d+)?|\d{1,3}|dear\ .{1,60}|yours\ (?:sincerely|faithfully).*
      |.*\bcookies?\b.*|(?:download|view)\ (?:the\ )?(?:full\ )?(?:report|pdf|document).*
      |(?:hmicfrs\ )?status\s*[:\-\u2013].*|progress(?:\ update)?\s*(?:\(.*?\))?\s*[:\-\u2013].*
      |update\s*(?:\(.*?\))?\s*[:\-\u2013].*
      |(?:last\ updated|published|date\ of\ publication)\b.*\d{4}
      |(?:our|your)\ ref(?:erence)?\b.*|tel(?:ephone)?\s*[:.].*|email\s*:.*
    )$""",
    re.X | re.I,
)
CONTENTS_ENTRY = re.compile(r"^[A-Za-z][^.:;]{0,80}?(?:\s*\.{2,}\s*|\s+)\d{1,3}$")
TERMINAL = (".", ":", ";", "?", "!")
LIST_JOINER = re.compile(r"[;,]\s*(?:and|or)$")


@dataclass
class Block:
    text: str
    line: int
    heading: bool = False
    lines: int = 1


def label_of(text: str):
    """The label a block starts with, or None. "Recommendations were made" is narrative, not
    a label: words may follow a label only after its number or a separator."""
    match = LABEL.match(text)
    if match is None:
        return None
    if match.group("rest") and not (match.group("ref") or match.group("sep")):
        return None
    return match


def is_plural(label: str) -> bool:
    """ "Recommendations", "Areas for improvement", "Causes of concern": a section's heading."""
    return label.split(" ", 1)[0].lower() in ("causes", "recommendations", "areas", "afis") or (
        label.lower().endswith("practices")
    )


def kind_of_label(label: str) -> str:
    for kind, pattern in KINDS:
        if re.fullmatch(pattern, label, re.I):
            return kind
    raise ValueError(label)


def is_furniture(text: str) -> bool:
    if FURNITURE.match(text):
        return True
    label = LABEL.match(text)
    singular_label = label and label.group("ref") and not is_plural(label.group("label"))
    return bool(CONTENTS_ENTRY.match(text)) and not singular_label


def starts_new(text: str) -> bool:
    return bool(MARKER.match(text) or label_of(text) or is_furniture(text))


def is_marker_only(text: str) -> bool:
    match = MARKER.match(text)
    return match is not None and match.end() == len(text)


def headingish(block: Block) -> bool:
    """A short single line with no closing punctuation and no "should": a heading in text."""
    text = re.sub(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Z])", "", block.text)
    if block.lines > 1 or text.endswith(TERMINAL) or len(text.split()) > 10:
        return False
    return text[0].isupper() and not re.search(r"\bshould\b", text, re.I)


def build_blocks(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for line in lines:
        text = line.text
        if not text or line.heading:
            current = None
            if text:
                blocks.append(Block(text, line.number, heading=True))
            continue
        if current is not None and _continues(current, text):
            current.text = _join(current.text, text)
            current.lines += 1
            continue
        current = Block(text, line.number)
        blocks.append(current)
    return blocks


def _continues(current: Block, text: str) -> bool:
    if is_marker_only(current.text):
        return True
    if starts_new(text) or ends_clause(current.text) or is_furniture(current.text):
        return False
    label = label_of(current.text)
    if label and not label.group("rest"):
        return False
    return not (headingish(current) and text[0].isupper())


def ends_clause(text: str) -> bool:
    return text.endswith(TERMINAL) or bool(LIST_JOINER.search(text))


def _join(head: str, tail: str) -> str:
    if head.endswith("-") and not head.endswith(" -") and tail[:1].islower():
        return head[:-1] + tail
    return f"{head} {tail}"
