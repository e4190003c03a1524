"""Read an export back the way a user's spreadsheet would."""

import csv
import io

from openpyxl import load_workbook

BOM = "\ufeff".encode()


def body(response) -> bytes:
    assert response.status_code == 200, response.status_code
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response) -> list[list[str]]:
    data = body(response)
    assert data.startswith(BOM), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def xlsx_sheet(response):
    return load_workbook(io.BytesIO(body(response))).active


def xlsx_rows(response) -> list[list]:
    return [[cell.value for cell in row] for row in xlsx_sheet(response).iter_rows()]
