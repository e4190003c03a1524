"""The lists behind the figures export as CSV and XLSX: every matching row (not just the page),
with the list's filters, in the list's order, and no more queries for ten times the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ..exports.helpers import body, csv_rows, xlsx_rows
from .test_lists import caption

ACTIONS = reverse("dashboards:actions")


@pytest.fixture
def reader(client, jasp, today):
    client.force_login(jasp)
    return client


def count_in(caption_text: str) -> int:
    return int(caption_text.split()[0])


@pytest.mark.parametrize("query", ["", "?due=overdue", "?status=open&sort=-owner"])
def test_the_actions_export_holds_every_row_the_list_counts(reader, dataset, query):
    dataset(3)  # more actions than one page of 25
    shown = count_in(caption(reader.get(ACTIONS + query)))
    rows = csv_rows(reader.get(reverse("dashboards:actions_csv") + query))
    assert rows[0][:3] == ["Report", "Item", "Action"]
    assert len(rows) - 1 == shown
    sheet = xlsx_rows(reader.get(reverse("dashboards:actions_xlsx") + query))
    # The same actions in the same order (column 3 is the action's description).
    assert [row[2] for row in sheet] == [row[2] for row in rows]


def test_the_items_export_holds_every_row_the_list_counts(reader, dataset):
    dataset(2)
    shown = count_in(caption(reader.get(reverse("dashboards:items") + "?state=open")))
    rows = csv_rows(reader.get(reverse("dashboards:items_csv") + "?state=open"))
    assert rows[0][:3] == ["Report", "Report published", "Item"]
    assert len(rows) - 1 == shown
    assert {row[5] for row in rows[1:]} <= {"Open", "Overdue"}


@pytest.mark.parametrize("name", ["dashboards:actions_csv", "dashboards:items_xlsx"])
def test_an_export_costs_the_same_at_1x_and_10x(reader, dataset, name):
    def queries(copies):
        dataset(copies)
        # The first request after force_login stamps the session's times (accounts.sessions);
        # the cost measured is the export's, so it is the second.
        reader.get(reverse(name))
        with CaptureQueriesContext(connection) as captured:
            body(reader.get(reverse(name)))
        return len(captured)

    assert queries(1) == queries(9)


def test_an_outsider_cannot_export(client, outsider, dataset, today):
    dataset(1)
    client.force_login(outsider)
    assert client.get(reverse("dashboards:actions_csv")).status_code == 403
