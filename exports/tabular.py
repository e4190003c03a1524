"""Rows and a column spec written as CSV or XLSX: memory-bounded, safe to open in a spreadsheet.

A `Column` is a header and an accessor (a callable taking one row). `csv_response` streams the
rows as UTF-8 with a byte-order mark (so Excel reads the accents right); `xlsx_response` writes
them with openpyxl's write-only workbook, which spills rows to a temporary file as they come, and
sends that file. Querysets are read with `.iterator()` in chunks, never all at once.

Formula injection (OWASP "CSV Injection"): a text cell beginning with = + - @, a tab or a carriage
return is run as a formula by spreadsheet programs. In CSV such text is prefixed with a single
quote; in XLSX it is written as a string cell (never a formula), its text unchanged.
"""

import csv
import datetime
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

#: What a cell may start with that makes a spreadsheet evaluate it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]


def neutralise(text: str) -> str:
    """The text, made inert for a spreadsheet when it would otherwise start a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def plain(value: Any) -> Any:
    """A cell's value for a spreadsheet: numbers and dates stay typed, the rest is text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, int | float | Decimal | datetime.date):
        return value
    return str(value)


def _rows(rows: Iterable) -> Iterator:
    if isinstance(rows, QuerySet):
        return rows.iterator(chunk_size=CHUNK_SIZE)
    return iter(rows)


def table(rows: Iterable, columns: Sequence[Column]) -> Iterator[list]:
    """The header row, then each row's cells as `plain` values."""
    yield [column.header for column in columns]
    for row in _rows(rows):
        yield [plain(column.value(row)) for column in columns]


def csv_cell(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(value) if isinstance(value, str) else value


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer's output."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable, columns: Sequence[Column]) -> Iterator[bytes]:
    writer = csv.writer(_Echo())
    yield "\ufeff".encode()
    for cells in table(rows, columns):
        yield writer.writerow([csv_cell(cell) for cell in cells]).encode()


def _attachment(filename: str) -> str:
    return f'attachment; filename="{filename}"'


def csv_response(*, rows: Iterable, columns: Sequence[Column], filename: str):
    response = StreamingHttpResponse(
        csv_lines(rows, columns), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = _attachment(filename)
    return response


def xlsx_cell(sheet, value: Any, *, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text begins with
    if isinstance(value, datetime.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, datetime.date):
        cell.number_format = "yyyy-mm-dd"
    if bold:
        cell.font = Font(bold=True)
    return cell


def write_xlsx(file, *, rows: Iterable, columns: Sequence[Column], title: str) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    cells = table(rows, columns)
    sheet.append([xlsx_cell(sheet, header, bold=True) for header in next(cells)])
    for row in cells:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    workbook.save(file)


def xlsx_response(*, rows: Iterable, columns: Sequence[Column], filename: str, title: str):
    file = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    write_xlsx(file, rows=rows, columns=columns, title=title)
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def export_response(fmt: str, *, rows: Iterable, columns: Sequence[Column], name: str, title: str):
    """`fmt` ("csv" or "xlsx") of the rows, named `<name>-<today>.<fmt>`."""
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        return csv_response(rows=rows, columns=columns, filename=filename)
    if fmt == "xlsx":
        return xlsx_response(rows=rows, columns=columns, filename=filename, title=title)
    raise ValueError(f"unknown export format {fmt!r}")
