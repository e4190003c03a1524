"""CSV and XLSX of the lists behind the dashboards' figures, with the list's filters and sort
(exports/views.py: the export view is the list view with ExportMixin in front)."""

from exports.tabular import Column
from exports.views import ExportMixin
from inspections.exports import ACTION_COLUMNS

from .views import ActionListView, ItemListView

ITEM_COLUMNS = (
    Column("Report", lambda i: i.report.title),
    Column("Report published", lambda i: i.report.published_on),
    Column("Item", lambda i: str(i)),
    Column("Kind", lambda i: i.get_kind_display()),
    Column("Text", lambda i: i.text),
    Column("State", lambda i: i.state.capitalize()),
    Column("HMICFRS deadline", lambda i: i.hmicfrs_deadline),
)


class ActionExportView(ExportMixin, ActionListView):
    export_columns = ACTION_COLUMNS
    export_name = "actions"


class ItemExportView(ExportMixin, ItemListView):
    export_columns = ITEM_COLUMNS
    export_name = "recommendations-and-afis"
