"""CSV and XLSX of the lists behind the dashboards' figures, with the list's filters and sort
(exports/views.py: the export view is the list view with ExportMixin in front)."""

from exports.columns import export_columns
from exports.views import ExportMixin

from .lists import ACTION_LIST, ITEM_LIST
from .views import ActionListView, ItemListView


class ActionExportView(ExportMixin, ActionListView):
    export_columns = export_columns(ACTION_LIST)
    export_name = "actions"


class ItemExportView(ExportMixin, ItemListView):
    export_columns = export_columns(ITEM_LIST)
    export_name = "recommendations-and-afis"
