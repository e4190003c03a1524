"""The dashboards as their readers use them: a JASP member goes from the dashboard to the overdue
recommendations and AFIs; the DCC from a figure to the actions behind it, then sorts them. Every
page on the way is checked with axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.dashboards.dataset import build

pytestmark = pytest.mark.browser


@pytest.fixture
def register(dcc, force_officer):
    build(copies=1, by=dcc, owner_user=force_officer)


def test_a_jasp_member_goes_from_the_dashboard_to_the_overdue_list(visit, jasp, register):
    member = visit(jasp)
    nav = member.page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="DCC dashboard")).to_have_count(0)
    member.follow(nav.get_by_role("link", name="JASP dashboard"))
    member.expect_heading("JASP dashboard")
    totals = member.main.get_by_role("table", name="All recommendations and AFIs")
    overdue = totals.get_by_role("row", name=re.compile("^All")).get_by_role("link").nth(1)
    count = overdue.inner_text().split()[0]
    member.follow(overdue)
    member.expect_heading("Recommendations and areas for improvement")
    expect(member.page.get_by_label("State", exact=True)).to_have_value("overdue")
    expect(member.main.get_by_role("table")).to_contain_text(f"{count} items matching")
    rows = member.main.get_by_role("table").locator("tbody tr")
    expect(rows).to_have_count(int(count))
    for state in rows.locator("td:nth-child(3)").all_inner_texts():
        assert state == "Overdue"


def test_the_dcc_opens_a_figure_and_sorts_its_list(visit, dcc, register):
    deputy = visit(dcc)
    deputy.follow(
        deputy.page.get_by_role("navigation", name="Main").get_by_role("link", name="DCC dashboard")
    )
    deputy.expect_heading("DCC dashboard")
    figure = deputy.main.get_by_role("link", name=re.compile("actions: awaiting sign-off$"))
    count = figure.inner_text().split()[0]
    deputy.follow(figure)
    deputy.expect_heading("Actions")
    expect(deputy.page.get_by_label("Status", exact=True)).to_have_value("pending_sign_off")
    table = deputy.main.get_by_role("table")
    expect(table).to_contain_text(f"{count} actions matching")
    deputy.follow(table.get_by_role("link", name=re.compile("^Owner")))
    owner = deputy.main.get_by_role("columnheader", name=re.compile("^Owner"))
    expect(owner).to_have_attribute("aria-sort", "ascending")
    owners = deputy.main.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert owners == sorted(owners)
    expect(deputy.page.get_by_label("Status", exact=True)).to_have_value("pending_sign_off")
