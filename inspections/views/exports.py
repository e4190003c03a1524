"""CSV and XLSX of the register's lists: each the list view itself, with its role check and
filters, writing every matching row (exports/views.py)."""

from exports.views import ExportMixin

from ..exports import ACTION_COLUMNS, REPORT_COLUMNS, REVIEW_COLUMNS
from .lists import MyActionsView, ReviewQueueView
from .reports import ReportListView


class ReportListExportView(ExportMixin, ReportListView):
    export_columns = REPORT_COLUMNS
    export_name = "register"
    export_title = "Register"


class MyActionsExportView(ExportMixin, MyActionsView):
    export_columns = ACTION_COLUMNS
    export_name = "my-actions"
    export_title = "My actions"


class ReviewQueueExportView(ExportMixin, ReviewQueueView):
    export_columns = REVIEW_COLUMNS
    export_name = "review-queue"
    export_title = "Review queue"
