"""Export a list view's rows: mixed in before the list view, so the role check and the filters
are the list's own, and every matching row is written (the page number is ignored).

    class ReportExportView(ExportMixin, ReportListView):
        export_columns = REPORT_COLUMNS
        export_name = "register"

    path("export.csv", ReportExportView.as_view(export_format="csv"), name="report_list_csv")

`export_urls` makes the CSV and XLSX paths in one go; `export_links.html` shows the two links
with the page's querystring.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.urls import path

import audit
from audit.models import AuditKind

from .tabular import FORMATS, Column, export_response

if TYPE_CHECKING:
    from django.views.generic import ListView as ListViewPart
else:
    ListViewPart = object  # mixed in before a list view, whose get_queryset it calls

#: Query-string keys that never filter (the page shown), left out of the audit entry.
NOT_FILTERS = {"page"}
FILTER_VALUE_MAX = 200


class ExportMixin(ListViewPart):
    export_columns: Sequence[Column] = ()
    export_name: str = "export"
    export_title: str = ""
    export_format: str = "csv"

    def get_export_columns(self) -> Sequence[Column]:
        return self.export_columns

    def get(self, request, *args, **kwargs):
        rows = self.get_queryset()
        self.audit_export(rows)
        return export_response(
            self.export_format,
            rows=rows,
            columns=self.get_export_columns(),
            name=self.export_name,
            title=self.export_title or self.export_name,
        )

    def audit_export(self, rows) -> None:
        """Which list, with which filters, how many rows: one audit entry per export."""
        filters = {
            key: [value[:FILTER_VALUE_MAX] for value in values]
            for key, values in self.request.GET.lists()
            if key not in NOT_FILTERS
        }
        count = rows.count() if isinstance(rows, QuerySet) else len(rows)
        audit.record(
            AuditKind.EXPORT,
            request=self.request,
            list=self.export_name,
            format=self.export_format,
            filters=filters,
            rows=count,
        )


def export_urls(prefix: str, view, name: str) -> list:
    """`<prefix>export.csv` and `<prefix>export.xlsx`, named `<name>_csv` and `<name>_xlsx`."""
    return [
        path(f"{prefix}export.{fmt}", view.as_view(export_format=fmt), name=f"{name}_{fmt}")
        for fmt in FORMATS
    ]
