"""The lists behind the figures: filters, sorting by column headings, pages that keep the filters,
and bad filter values explained rather than failing."""

import re

import pytest
from django.urls import reverse

from .pages import read

ACTIONS = reverse("dashboards:actions")
ITEMS = reverse("dashboards:items")


@pytest.fixture
def reader(client, jasp, today):
    client.force_login(jasp)
    return client


def caption(response) -> str:
    return next(c for c in read(response).tables if re.match(r"\d+ ", c))


#: The actions table: report and item, action, owner, target date, status, moves.
def column(response, index: int) -> list[str]:
    rows = next(rows for c, rows in read(response).tables.items() if re.match(r"\d+ ", c))
    return [row[index] for row in rows[1:]]


def test_the_actions_list_filters_by_owner_and_status(reader, dataset):
    dataset(1)
    response = reader.get(ACTIONS, {"owner": "Public Protection", "status": "open"})
    assert caption(response) == "3 actions matching the filters"
    assert set(column(response, 2)) == {"Public Protection"}


def test_the_actions_list_filters_by_target_date_range(reader, dataset):
    dataset(1)
    response = reader.get(ACTIONS, {"target_from": "2026-06-10", "target_to": "2026-06-15"})
    # 10 June (5 days ago, pending) and 14 June (yesterday) and 15 June (today).
    assert caption(response) == "3 actions matching the filters"


def test_the_actions_list_filters_by_report_and_kind(reader, dataset):
    dataset(1)
    from inspections.models import Report

    report = Report.objects.get(title="Report A0")
    response = reader.get(ACTIONS, {"report": report.pk, "kind": "afi"})
    assert caption(response) == "3 actions matching the filters"


def test_a_column_heading_sorts_and_says_so(reader, dataset):
    dataset(1)
    response = reader.get(ACTIONS, {"status": "open", "sort": "owner"})
    owners = column(response, 2)
    assert owners == sorted(owners)
    html = response.content.decode()
    assert re.search(
        r'<th scope="col"\s+aria-sort="ascending">\s*<a href="\?status=open&amp;sort=-owner">Owner',
        html,
    )
    descending = column(reader.get(ACTIONS, {"status": "open", "sort": "-owner"}), 2)
    assert descending == sorted(owners, reverse=True)


def test_an_unknown_sort_key_falls_back_to_the_default(reader, dataset):
    dataset(1)
    response = reader.get(ACTIONS, {"sort": "password"})
    assert response.status_code == 200
    assert 'aria-sort="ascending"' in response.content.decode()  # target date, the default


def test_pages_of_25_keep_the_filters(reader, dataset):
    dataset(4)  # 28 unfinished actions
    response = reader.get(ACTIONS, {"status": "open", "sort": "-target"})
    assert caption(response) == "28 actions matching the filters"
    assert len(column(response, 0)) == 25
    html = response.content.decode()
    assert 'href="?status=open&amp;sort=-target&amp;page=2"' in html
    second = reader.get(ACTIONS, {"status": "open", "sort": "-target", "page": "2"})
    assert len(column(second, 0)) == 3


@pytest.mark.parametrize(
    ("params", "message", "shown"),
    [
        ({"target_from": "31/02/2026"}, "Target date from: Enter a valid date.", 10),
        ({"status": "lost"}, "Status: Select a valid choice.", 10),
        ({"report": "999999"}, "Report: Select a valid choice.", 10),
        ({"report": "x"}, "Report: Select a valid choice.", 10),
        # The end before the start is left out; the start still filters (15 and 16 July).
        ({"target_from": "2026-07-01", "target_to": "2026-06-01"}, "before its start", 2),
        ({"page": "last-but-one"}, None, 10),
    ],
)
def test_a_bad_filter_is_explained_and_left_out(reader, dataset, params, message, shown):
    dataset(1)
    response = reader.get(ACTIONS, params)
    assert response.status_code == 200
    text = " ".join(response.content.decode().split())
    if message:
        assert "Some filters could not be used" in text
        assert message in text
    assert caption(response).startswith(f"{shown} actions")


def test_the_items_list_filters_by_state_year_and_kind(reader, dataset):
    dataset(2)
    response = reader.get(ITEMS, {"state": "overdue", "year": "2025", "kind": "recommendation"})
    assert caption(response) == "2 items matching the filters"
    assert set(column(response, 2)) == {"Overdue"}


def test_the_items_list_explains_a_bad_year(reader, dataset):
    dataset(1)
    response = reader.get(ITEMS, {"year": "twenty"})
    assert response.status_code == 200
    assert "Report year: Enter a whole number." in response.content.decode()
    assert caption(response).startswith("5 items")
