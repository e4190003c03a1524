"""What the preview's form posts: its rows as the page shows them, with a user's changes."""

from imports.models import ImportJob
from imports.rows import row_from_proposal

PREFIX = "rows"


def rows_of(job: ImportJob) -> list[dict]:
    return [row_from_proposal(proposal) for proposal in job.proposals]


def preview_post(job: ImportJob, *, rows=None, edits=None, drop=(), do="save") -> dict:
    """The preview form's data: `edits` maps a row's index to fields to change; `drop` lists
    the rows ticked to be dropped; `do` is the button pressed."""
    rows = rows if rows is not None else rows_of(job)
    data = {
        f"{PREFIX}-TOTAL_FORMS": str(len(rows)),
        f"{PREFIX}-INITIAL_FORMS": str(len(rows)),
        f"{PREFIX}-MIN_NUM_FORMS": "0",
        f"{PREFIX}-MAX_NUM_FORMS": "500",
        "do": do,
    }
    for index, row in enumerate(rows):
        row = {**row, **(edits or {}).get(index, {})}
        for name, value in row.items():
            if name in ("drop", "ref_proposed"):
                if value:
                    data[f"{PREFIX}-{index}-{name}"] = "on"
                continue
            data[f"{PREFIX}-{index}-{name}"] = "" if value is None else str(value)
        if index in drop:
            data[f"{PREFIX}-{index}-drop"] = "on"
    return data
