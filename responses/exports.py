"""The columns of the responses list's exports (see exports/tabular.py)."""

from django.utils import timezone

from accounts.templatetags.people import person
from exports.tabular import Column

RESPONSE_COLUMNS = (
    Column("Report", lambda r: r.report.title),
    Column("Report published", lambda r: r.report.published_on),
    Column("Status", lambda r: r.get_status_display()),
    Column("Owner", lambda r: person(r.owner, "Nobody yet")),
    Column("Statutory deadline", lambda r: r.due_on),
    Column("Response published", lambda r: r.published_on),
    Column("Overdue", lambda r: r.is_overdue(timezone.localdate())),
)
