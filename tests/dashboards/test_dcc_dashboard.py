"""The DCC dashboard shows exact counts of the known register, each linking to its list."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from accounts.roles import Role
from tests.factories import ActionFactory, UserFactory

from .pages import list_count, number, read, table

URL = reverse("dashboards:dcc")

#: Declared, so that pytest-django runs these before the transactional tests that flush the
#: role groups (a persona fetched with getfixturevalue would not say so in time).
pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, dcc, dataset, today):
    dataset(1)
    client.force_login(dcc)
    response = client.get(URL)
    assert response.status_code == 200
    return read(response)


def test_it_shows_the_headline_figures(page, force_officer):
    figures = {label: number(value) for label, value, _ in page.figures}
    assert figures == {
        "Unfinished actions": 7,
        "Overdue": 3,
        "Due in the next 30 days": 2,
        "Awaiting sign-off": 3,
        "Target date moved more than once": 2,
    }


def test_it_counts_actions_by_status(page):
    assert table(page, "Actions by status") == {
        "Awaiting allocation": [1],
        "In progress": [2],
        "Pending sign-off": [3],
        "Closed": [2],
        "Superseded": [1],
        "National dependency": [1],
    }


def test_it_counts_unfinished_actions_by_owner(page, force_officer):
    assert table(page, "Unfinished actions by owner") == {
        "Custody": [2, 0, 1, 2],
        "Not allocated": [1, 1, 0, 0],
        "Public Protection": [3, 2, 1, 1],
        force_officer.get_full_name(): [1, 0, 0, 0],
    }


def test_it_counts_actions_by_report(page):
    assert table(page, "Actions by report") == {
        "Report A0": [7, 5, 2, 2, 2],
        "Report B0": [3, 2, 1, 0, 1],
    }


def test_every_figure_opens_a_list_of_that_many_actions(page, client):
    figures = [(label, value, url) for label, value, url in page.figures]
    for caption in ("Actions by status", "Unfinished actions by owner", "Actions by report"):
        figures += [(caption, text, url) for text, url in page.links[caption]]
    assert len(figures) == 5 + 6 + 4 * 4 + 2 * 5
    for label, value, url in figures:
        assert url.startswith(reverse("dashboards:actions")), label
        assert list_count(client, url) == number(value), f"{label}: {url}"


def test_it_draws_the_status_mix_with_a_title_and_the_same_numbers(client, dcc, dataset, today):
    dataset(1)
    client.force_login(dcc)
    html = client.get(URL).content.decode()
    assert 'role="img"' in html
    assert '<title id="status-mix-title">Actions by status</title>' in html
    assert "Pending sign-off: 3 actions" in html
    assert " style=" not in html and "<style" not in html


@pytest.mark.parametrize("persona", ["dcc", "force_officer", "opcc_staff", "pcc"])
def test_the_nav_links_to_it_for_those_who_may_read_it(persona, request, client):
    client.force_login(request.getfixturevalue(persona))
    assert f'href="{URL}"' in client.get(reverse("inspections:report_list")).content.decode()


def test_the_nav_does_not_offer_it_to_a_jasp_member(client, jasp):
    client.force_login(jasp)
    html = client.get(reverse("inspections:report_list")).content.decode()
    assert f'href="{URL}"' not in html
    assert f'href="{reverse("dashboards:jasp")}"' in html


def test_by_report_it_shows_the_twenty_with_most_overdue_and_links_to_all(
    client, dcc, dataset, today
):
    dataset(11)  # 22 reports: each Report A has two actions overdue, each Report B one
    client.force_login(dcc)
    response = client.get(URL)
    rows = table(read(response), "Actions by report")
    assert len(rows) == 20
    assert sum(label.startswith("Report A") for label in rows) == 11
    every = re.search(r'href="([^"]+)">Every action, by report', response.text)
    assert list_count(client, html.unescape(every.group(1))) == 11 * 10


def test_an_owner_with_only_a_first_name_links_to_the_actions_it_counts(client, dcc, today):
    ann = UserFactory(username="ann", first_name="Ann", last_name="", role=Role.FORCE_STAFF)
    ActionFactory(owner_name="", owner_user=ann, target_date=datetime.date(2026, 6, 1))
    client.force_login(dcc)
    page = read(client.get(URL))
    assert table(page, "Unfinished actions by owner") == {"Ann": [1, 1, 0, 0]}
    for text, url in page.links["Unfinished actions by owner"]:
        assert list_count(client, url) == number(text), url
