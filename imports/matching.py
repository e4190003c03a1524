"""Which proposed rows are already on the report: the same kind and reference, or the same
text once case, spacing and punctuation are set aside. Those are marked and not created."""

from inspections.models import Item, Report

from .lines import normal_text


def duplicates_of(report: Report, rows: list[dict]) -> dict[int, Item]:
    """Row index -> the existing item it matches (one query for the report's items)."""
    items = list(report.items.all())
    by_ref = {(item.kind, item.reference.strip().lower()): item for item in items}
    by_text = {normal_text(item.text): item for item in items}
    found = {}
    for index, row in enumerate(rows):
        match = by_ref.get((row["kind"], str(row["ref"]).strip().lower())) or by_text.get(
            normal_text(row["text"])
        )
        if match is not None:
            found[index] = match
    return found
