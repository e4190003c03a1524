"""The preview's edits that need no saving: merge a row with the next, split one, add one.
Rows are plain dicts (RowForm's fields); a parent is a row's index as text, or "item:<pk>" for
a cause of concern already on the report, so moving rows renumbers the parents with them."""

import re

from inspections.choices import Addressee, ItemKind

from .forms import RowForm

FIELDS = list(RowForm.base_fields)


def raw_rows(formset) -> list[dict]:
    """The rows as posted, unchecked: edits are kept as typed while rows move."""
    rows = []
    for form in formset.forms:
        row = {name: form[name].value() for name in FIELDS}
        row["drop"] = bool(row["drop"]) and row["drop"] not in ("False", "false")
        rows.append(row)
    return rows


def _renumber(rows: list[dict], moved) -> None:
    for row in rows:
        parent = row.get("parent") or ""
        if parent.isdigit():
            new = moved(int(parent))
            row["parent"] = "" if new is None else str(new)


def merge_with_next(rows: list[dict], index: int) -> list[dict]:
    if not 0 <= index < len(rows) - 1:
        return rows
    rows = [dict(row) for row in rows]
    rows[index]["text"] = f"{rows[index]['text'].rstrip()} {rows[index + 1]['text'].lstrip()}"
    del rows[index + 1]
    _renumber(rows, lambda i: index if i == index + 1 else (i - 1 if i > index + 1 else i))
    return rows


def split(rows: list[dict], index: int) -> list[dict]:
    """Split a row's text where the editor put a line break, or else at its middle sentence."""
    if not 0 <= index < len(rows):
        return rows
    first, second = _halves(rows[index]["text"] or "")
    if not second:
        return rows
    rows = [dict(row) for row in rows]
    rest = dict(rows[index], text=second, ref=f"{rows[index]['ref']}b"[:20], ref_proposed=True)
    rows[index]["text"] = first
    rows.insert(index + 1, rest)
    _renumber(rows, lambda i: i + 1 if i > index else i)
    return rows


def _halves(text: str) -> tuple[str, str]:
    parts = [part.strip() for part in re.split(r"\r?\n", text.strip(), maxsplit=1)]
    if len(parts) == 2 and parts[1]:
        return parts[0], parts[1]
    ends = [match.end() for match in re.finditer(r"[.;:?!]\s+(?=[A-Z(])", text)]
    if not ends:
        return text, ""
    cut = min(ends, key=lambda end: abs(end - len(text) / 2))
    return text[:cut].strip(), text[cut:].strip()


def add_row(rows: list[dict]) -> list[dict]:
    blank: dict[str, object] = {name: "" for name in FIELDS}
    blank |= {"drop": False, "kind": ItemKind.RECOMMENDATION, "addressee": Addressee.THIS_FORCE}
    return [*rows, blank]


def parent_choices(rows: list[dict], existing) -> list[tuple[str, str]]:
    """Causes of concern a row may sit under: earlier rows, and those already on the report."""
    choices = [
        (str(index), f"Row {index + 1}: cause of concern {row.get('ref') or ''}".strip())
        for index, row in enumerate(rows)
        if row.get("kind") == ItemKind.CAUSE_OF_CONCERN
    ]
    choices += [
        (f"item:{item.pk}", f"Cause of concern {item.reference} (already on the report)")
        for item in existing
    ]
    return choices
