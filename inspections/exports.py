"""The columns of the register's exports (see exports/tabular.py): what each list shows, in full."""

from django.utils import timezone

from exports.tabular import Column

from .models import Action, Report


def _response_status(report: Report) -> str:
    response = getattr(report, "response", None)
    return response.get_status_display() if response else "No response opened"


def _response_due(report: Report):
    response = getattr(report, "response", None)
    return response.due_on if response else None


REPORT_COLUMNS = (
    Column("Report", lambda r: r.title),
    Column("Type", lambda r: r.get_report_type_display()),
    Column("Scope", lambda r: r.get_scope_display()),
    Column("Published", lambda r: r.published_on),
    Column("Items", lambda r: r.item_count),
    Column("Recommendations", lambda r: r.recommendation_count),
    Column("Open items", lambda r: r.has_open_items),
    Column("Response status", _response_status),
    Column("Response due", _response_due),
)


def rag_label(action: Action) -> str:
    return action.rag(timezone.localdate()).label


ACTION_COLUMNS = (
    Column("Report", lambda a: a.item.report.title),
    Column("Item", lambda a: str(a.item)),
    Column("Action", lambda a: a.description),
    Column("Owner", lambda a: a.owner_label or "Not allocated"),
    Column("Target date", lambda a: a.target_date),
    Column("Status", lambda a: a.get_status_display()),
    Column("RAG", rag_label),
)

REVIEW_COLUMNS = (
    *ACTION_COLUMNS,
    Column("Evidence", lambda a: a.evidence_count),
    Column("Submitted", lambda a: a.submitted_at),
)
