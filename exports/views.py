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

from django.urls import path

from .tabular import FORMATS, Column, export_response

if TYPE_CHECKING:
    from django.views.generic.list import MultipleObjectMixin as ListViewPart
else:
    ListViewPart = object  # mixed in before a list view, whose get_queryset it calls


class ExportMixin(ListViewPart):
    export_columns: Sequence[Column] = ()
    export_name: str = "export"
    export_title: str = ""
    export_format: str = "csv"

    def get_export_columns(self) -> Sequence[Column]:
        return self.export_columns

    def get(self, request, *args, **kwargs):
        return export_response(
            self.export_format,
            rows=self.get_queryset(),
            columns=self.get_export_columns(),
            name=self.export_name,
            title=self.export_title or self.export_name,
        )


def export_urls(prefix: str, view, name: str) -> list:
    """`<prefix>export.csv` and `<prefix>export.xlsx`, named `<name>_csv` and `<name>_xlsx`."""
    return [
        path(f"{prefix}export.{fmt}", view.as_view(export_format=fmt), name=f"{name}_{fmt}")
        for fmt in FORMATS
    ]
