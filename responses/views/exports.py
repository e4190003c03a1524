"""CSV and XLSX of the responses list, with its role check and filters (exports/views.py)."""

from exports.views import ExportMixin

from ..exports import RESPONSE_COLUMNS
from .lists import ResponseListView


class ResponseListExportView(ExportMixin, ResponseListView):
    export_columns = RESPONSE_COLUMNS
    export_name = "responses"
    export_title = "Section 55 responses"
