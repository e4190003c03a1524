"""The small pure parts: the default "since" date and the charts' geometry."""

import datetime

import pytest

from dashboards.charts import bar_chart
from dashboards.lists import three_months_before


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 6, 15), datetime.date(2026, 3, 15)),
        (datetime.date(2026, 2, 10), datetime.date(2025, 11, 10)),
        (datetime.date(2026, 5, 31), datetime.date(2026, 2, 28)),
        (datetime.date(2028, 5, 31), datetime.date(2028, 2, 29)),
        (datetime.date(2026, 7, 31), datetime.date(2026, 4, 30)),
    ],
)
def test_the_default_since_date_is_three_months_back(today, expected):
    assert three_months_before(today) == expected


def test_a_chart_scales_its_longest_bar_to_the_room_and_describes_every_number():
    chart = bar_chart(
        slug="mix",
        title="Mix",
        rows=[
            ("2024", [("Overdue", 2, "overdue"), ("Closed", 2, "closed")]),
            ("2025", [("Overdue", 0, "overdue"), ("Closed", 1, "closed")]),
        ],
    )
    first, second = chart.bars
    assert [s.width for s in first.segments] == [135.0, 135.0]
    assert second.segments[1].width == 67.5 and second.segments[1].x == 170.0
    assert [b.total for b in chart.bars] == [4, 1]
    assert chart.description == "2024: 2 overdue, 2 closed; 2025: 0 overdue, 1 closed"
    assert chart.legend == [("Overdue", "#a4161a"), ("Closed", "#1b5e20")]


def test_an_empty_chart_says_so():
    chart = bar_chart(slug="none", title="Nothing", rows=[])
    assert chart.bars == [] and chart.description == "No data."
