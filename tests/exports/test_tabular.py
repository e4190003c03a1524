"""The export writer on its own: typed cells, neutralised formulas, every row, bounded reads."""

import csv
import datetime
import io
import zipfile

import pytest
from openpyxl import load_workbook

from exports.tabular import Column, csv_lines, neutralise, write_xlsx

DANGEROUS = [
    '=HYPERLINK("https://evil.example/","Click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]
COLUMNS = (Column("Text", lambda row: row["text"]), Column("When", lambda row: row["when"]))


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_that_would_start_a_formula_is_prefixed_with_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Chief constables should", "3.3", "", "a=b", "AFI 2 - custody"])
def test_ordinary_text_is_left_alone(text):
    assert neutralise(text) == text


def test_csv_neutralises_each_dangerous_cell_and_keeps_the_rest():
    rows = [{"text": text, "when": datetime.date(2020, 4, 22)} for text in [*DANGEROUS, "Café"]]

    lines = b"".join(csv_lines(rows, COLUMNS)).decode("utf-8-sig")

    parsed = list(csv.reader(io.StringIO(lines, newline="")))
    assert parsed[0] == ["Text", "When"]
    assert [row[0] for row in parsed[1:]] == ["'" + text for text in DANGEROUS] + ["Café"]
    assert {row[1] for row in parsed[1:]} == {"2020-04-22"}


def test_xlsx_writes_dangerous_text_as_text_never_as_a_formula():
    rows = [{"text": text, "when": datetime.date(2020, 4, 22)} for text in DANGEROUS]
    file = io.BytesIO()

    write_xlsx(file, rows=rows, columns=COLUMNS, title="Test")

    sheet_xml = zipfile.ZipFile(file).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    sheet = load_workbook(file).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # The text is kept as typed (reading XML back turns a carriage return into a line feed).
    assert [cell.value for cell in cells] == [text.replace("\r", "\n") for text in DANGEROUS]
    assert {cell.data_type for cell in cells} == {"s"}
    assert {row[1].value for row in sheet.iter_rows(min_row=2)} == {datetime.datetime(2020, 4, 22)}


def test_xlsx_drops_control_characters_a_spreadsheet_cannot_hold():
    file = io.BytesIO()

    write_xlsx(file, rows=[{"text": "bell\x07 here", "when": None}], columns=COLUMNS, title="T")

    assert load_workbook(file).active["A2"].value == "bell here"


def test_numbers_yes_no_and_empty_cells_keep_their_meaning():
    columns = (
        Column("Count", lambda row: row[0]),
        Column("Open", lambda row: row[1]),
        Column("Owner", lambda row: row[2]),
    )
    file = io.BytesIO()

    write_xlsx(file, rows=[(-3, True, None)], columns=columns, title="T")
    lines = b"".join(csv_lines([(-3, True, None)], columns)).decode("utf-8-sig")

    assert [cell.value for cell in load_workbook(file).active[2]] == [-3, "Yes", None]
    assert lines.splitlines()[1] == "-3,Yes,"
