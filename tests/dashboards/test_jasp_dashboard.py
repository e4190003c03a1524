"""The JASP dashboard shows exact counts of the known register, each linking to its list."""

import html
import re

import pytest
from django.urls import reverse

from .pages import list_count, number, read, table

URL = reverse("dashboards:jasp")


@pytest.fixture
def page(client, jasp, dataset, today):
    dataset(1)
    client.force_login(jasp)
    response = client.get(URL)
    assert response.status_code == 200
    return read(response)


def test_it_counts_open_overdue_and_closed_recommendations_and_afis(page):
    # Open includes overdue. The Home Office's item and the innovative practice are not followed.
    assert table(page, "All recommendations and AFIs") == {"All": [4, 2, 1]}
    assert table(page, "Recommendations and AFIs by state") == {
        "Recommendation": [3, 2, 0],
        "Area for improvement": [1, 0, 1],
    }


def test_it_counts_them_by_year_and_by_report(page):
    assert table(page, "Recommendations and AFIs by year of report") == {
        "2024": [1, 1, 0],
        "2025": [3, 1, 1],
    }
    assert table(page, "Recommendations and AFIs by report") == {
        "Report A0 (1 Jun 2025)": [3, 1, 1],
        "Report B0 (10 Jan 2024)": [1, 1, 0],
    }


def test_it_shows_what_changed_since_three_months_ago(page):
    caption = "Changes since 15 March 2026"
    assert table(page, caption) == {
        "Actions whose status changed": [2],
        "Actions signed off and closed": [1],
        "Recommendations and AFIs closed": [1],
    }


def test_the_reader_chooses_the_since_date(client, jasp, dataset, today):
    dataset(1)
    client.force_login(jasp)
    page = read(client.get(URL, {"since": "2026-01-01"}))
    # Everything was recorded in February: every action is new since January.
    assert table(page, "Changes since 1 January 2026") == {
        "Actions whose status changed": [10],
        "Actions signed off and closed": [2],
        "Recommendations and AFIs closed": [1],
    }


def test_a_bad_since_date_falls_back_to_three_months_ago(client, jasp, dataset, today):
    dataset(1)
    client.force_login(jasp)
    response = client.get(URL, {"since": "last tuesday"})
    assert response.status_code == 200
    assert "Changes since 15 March 2026" in read(response).tables
    assert "Enter a valid date." in response.content.decode()


def test_it_shows_the_statutory_record_per_year(page):
    assert page.tables["Responses published on time, late and pending, per year"][1:] == [
        ["2026", "0", "0", "1", "0"],
        ["2025", "1", "0", "0", "0"],
        ["2024", "0", "1", "0", "0"],
        ["2016", "0", "0", "0", "1"],
        ["All years", "1", "1", "1", "1"],
    ]


def test_it_lists_the_deadlines_in_the_next_30_days(client, jasp, dataset, today):
    dataset(1)
    client.force_login(jasp)
    html = client.get(URL).content.decode()
    assert "Report C0</a>: due 14 July 2026" in html
    assert html.count(", by 15 June 2026") == 1
    assert html.count(", by 15 July 2026") == 1


def test_every_figure_opens_a_list_of_that_many(page, client):
    figures = []
    for caption, links in page.links.items():
        figures += [(caption, text, url) for text, url in links]
    assert len(figures) == 3 + 2 * 3 + 2 * 3 + 2 * 3 + 3
    for caption, value, url in figures:
        assert list_count(client, url) == number(value), f"{caption}: {url}"


def test_its_charts_are_images_with_titles_and_no_inline_style(client, jasp, dataset, today):
    dataset(1)
    client.force_login(jasp)
    html = client.get(URL).content.decode()
    assert html.count('role="img"') == 2
    assert "Recommendation: 2 overdue, 1 open, not overdue, 0 closed" in html
    assert " style=" not in html and "<style" not in html


def test_by_report_it_shows_the_twenty_with_most_overdue_and_links_to_all(
    client, jasp, dataset, today
):
    dataset(11)  # 22 reports: each Report A has one item overdue and three open, each B one
    client.force_login(jasp)
    response = client.get(URL)
    rows = table(read(response), "Recommendations and AFIs by report")
    assert len(rows) == 20
    assert sum(label.startswith("Report A") for label in rows) == 11
    every = re.search(r'href="([^"]+)">Every recommendation and AFI, by report', response.text)
    assert list_count(client, html.unescape(every.group(1))) == 11 * 5
