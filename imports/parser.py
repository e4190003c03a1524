"""The importer's parser: lines of a report in, the items HMICFRS printed out, in printed order.

No Django models here: the page, the worker and `manage.py parse_report` all call `parse`.
Items are found by their labels ("Recommendation 1", "AFI 2", "Cause of concern"), by the
section they sit in ("Areas for improvement" then bullets or numbered paragraphs), and by stems
("Within three months, the force should:" then fragments, each of which becomes an item with
the stem's words in front). Narrative, findings bullets and page furniture are passed over.
"""

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date

from .addressees import find_addressee
from .blocks import (
    MARKER,
    Block,
    build_blocks,
    headingish,
    is_furniture,
    is_plural,
    kind_of_label,
    label_of,
)
from .deadlines import DIRECTIVE, find_deadline
from .lines import Line, text_lines
from .refs import settle_refs

ITEM_KINDS = ("cause_of_concern", "recommendation", "area_for_improvement", "innovative_practice")
NARRATIVE = re.compile(
    r"^(?:in (?:\w+ )?\d{4},?\s+)?(?:we (?!recommend)|our |there |this report|these |hmicfrs |"
    r"his majesty|in our\b|during |as part of)",
    re.I,
)
RECOMMENDING = re.compile(r"\bwe recommend\b|^to address th", re.I)


@dataclass
class ProposedItem:
    kind: str
    ref: str
    ref_proposed: bool
    text: str
    addressee: str
    addressee_other: str
    deadline: date | None
    deadline_text: str
    parent: int | None
    line: int

    def as_json(self) -> dict:
        """The fields `manage.py parse_report` prints, in the issue's order."""
        return {
            "kind": self.kind,
            "ref": self.ref,
            "text": self.text,
            "addressee": self.addressee,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_text": self.deadline_text,
            "parent": self.parent,
        }

    def as_dict(self) -> dict:
        data = asdict(self)
        data["deadline"] = self.deadline.isoformat() if self.deadline else None
        return data


@dataclass
class _Stem:
    text: str
    kind: str | None  # None: a stem over findings, whose bullets are not items


@dataclass
class _State:
    published: date | None
    section: str | None = None
    coc: int | None = None
    stem: _Stem | None = None
    pending: tuple | None = None  # (kind, ref): a label waiting for its text
    items: list[ProposedItem] = field(default_factory=list)


def parse(lines: list[Line], published: date | None = None) -> list[ProposedItem]:
    state = _State(published=published)
    for block in build_blocks(drop_running_heads(lines)):
        _read(state, block)
    settle_refs(state.items)
    return state.items


def drop_running_heads(lines: list[Line]) -> list[Line]:
    """A line printed three times or more that is no label (a PDF's running head or foot)
    is furniture: left in, it would end the section it interrupts."""
    counts = Counter(line.text for line in lines if line.text)
    repeated = {
        text
        for text, count in counts.items()
        if count >= 3 and not label_of(text) and not MARKER.match(text)
    }
    return [line for line in lines if line.text not in repeated]


def parse_text(text: str, published: date | None = None) -> list[ProposedItem]:
    return parse(text_lines(text), published)


def _read(state: _State, block: Block) -> None:
    text = block.text
    if is_furniture(text):
        return
    label = label_of(text)
    if label:
        _read_label(state, block, label)
    elif state.pending and not block.heading and not _title(block):
        kind, ref = state.pending
        state.pending = None
        marker = MARKER.match(text)
        if marker:
            ref = ref or marker.group("num") or marker.group("dotted")
            text = text[marker.end() :].strip()
        _add(state, kind, ref, text, block.line)
    elif state.pending and _title(block):
        return  # "Innovative practice: Operation Lantern": a name, the text follows
    elif block.heading or headingish(block):
        _read_heading(state, text)
    elif text.endswith(":") and not MARKER.match(text):
        _read_stem(state, text)
    else:
        _read_body(state, block)


def _read_label(state: _State, block: Block, label) -> None:
    kind = kind_of_label(label.group("label"))
    ref, rest = label.group("ref"), label.group("rest").strip()
    plural = is_plural(label.group("label"))
    state.stem = None
    if kind != "recommendation":
        state.coc = None
    state.section = kind
    if plural and not ref:
        state.pending = None
        if rest.endswith(":"):
            _read_stem(state, rest)
        return
    if rest and rest.endswith(":") and DIRECTIVE.search(rest):
        state.stem = _Stem(rest[:-1], kind)
    elif rest and not _title(Block(rest, block.line)):
        _add(state, kind, ref, rest, block.line)
    else:
        state.pending = (kind, ref)


def _title(block: Block) -> bool:
    """A label's name rather than its text: a few words, no sentence."""
    return headingish(block) and len(block.text.split()) <= 6


def _read_heading(state: _State, text: str) -> None:
    state.stem, state.pending = None, None
    lowered = text.lower()
    for kind, words in (
        ("cause_of_concern", "cause"),
        ("recommendation", "recommendation"),
        ("area_for_improvement", "improvement"),
        ("innovative_practice", "practice"),
    ):
        if words in lowered:
            state.section = kind
            if kind != "recommendation":
                state.coc = None
            return
    state.section, state.coc = None, None


def _read_stem(state: _State, text: str) -> None:
    itemish = bool(DIRECTIVE.search(text) or RECOMMENDING.search(text))
    if not itemish or (NARRATIVE.match(text) and not RECOMMENDING.search(text)):
        state.stem = _Stem(text, None)
        return
    kind = state.section if state.section in ITEM_KINDS else "recommendation"
    if kind in ("cause_of_concern", "innovative_practice"):
        kind = "recommendation"
    state.stem = _Stem(text[:-1].rstrip(), kind)


def _read_body(state: _State, block: Block) -> None:
    text = block.text
    marker = MARKER.match(text)
    ref = marker and (marker.group("num") or marker.group("dotted"))
    body = text[marker.end() :].strip() if marker else text
    if not body:
        return
    if state.stem is not None and (marker or _fragment(body)):
        if state.stem.kind:
            _add(state, state.stem.kind, ref, _compose(state.stem.text, body), block.line)
        return
    state.stem = None
    kind = _kind_for_body(state, body, bool(marker))
    if kind:
        _add(state, kind, ref, body, block.line)


def _fragment(body: str) -> bool:
    """A stem's fragment without a bullet (bullets are lost when a list is pasted)."""
    return body[0].islower() or body.endswith((";", "; and", "; or", ", and", " and"))


def _kind_for_body(state: _State, body: str, marked: bool) -> str | None:
    section = state.section
    directive = bool(DIRECTIVE.search(body))
    if NARRATIVE.match(body) and not RECOMMENDING.search(body):
        return None
    if section in ("recommendation", "area_for_improvement"):
        return section if directive else None
    if section in ("cause_of_concern", "innovative_practice"):
        return section if marked else None
    if RECOMMENDING.search(body) and directive:
        return "recommendation"
    return None


def _compose(stem: str, fragment: str) -> str:
    fragment = re.sub(r"(?:;|,)?\s*(?:and|or)$|[;,]$", "", fragment.strip()).strip()
    first = fragment.split(" ", 1)[0]
    if first[:1].isupper() and not first[1:2].isupper():
        fragment = fragment[0].lower() + fragment[1:]
    if not fragment.endswith((".", "?", "!")):
        fragment += "."
    return f"{stem} {fragment}"


def _add(state: _State, kind: str, ref: str | None, text: str, line: int) -> None:
    deadline = find_deadline(text, state.published)
    addressed = find_addressee(text)
    if kind in ("area_for_improvement", "innovative_practice", "cause_of_concern"):
        addressed = addressed if addressed.addressee != "other" else find_addressee("")
    parent = state.coc if kind == "recommendation" else None
    item = ProposedItem(
        kind=kind,
        ref=ref or "",
        ref_proposed=False,
        text=text,
        addressee=addressed.addressee,
        addressee_other=addressed.body,
        deadline=deadline.on,
        deadline_text=deadline.words,
        parent=parent,
        line=line,
    )
    state.items.append(item)
    if kind == "cause_of_concern":
        state.coc = len(state.items) - 1
