"""Search from the navigation bar, open a result, and export a filtered list; axe on every page."""

import csv
import io

import pytest
from playwright.sync_api import expect

from inspections.choices import ItemKind
from tests.factories import ActionFactory, ItemFactory, ReportFactory

pytestmark = pytest.mark.browser


def test_a_reader_searches_from_the_nav_and_opens_an_item(visit, jasp, force_officer):
    report = ReportFactory(title="Stalking and harassment: an inspection")
    item = ItemFactory(
        report=report,
        kind=ItemKind.RECOMMENDATION,
        reference="4.2",
        text="Chief constables should make sure stalking protection orders are used.",
    )
    ActionFactory(item=item, owner_user=force_officer, description="Brief officers on stalking.")
    ReportFactory(title="Custody services")

    reader = visit(jasp)
    page = reader.page
    nav_search = page.get_by_role("search", name="Search the register")
    nav_search.get_by_label("Search reports, items and actions").fill("stalking")
    reader.follow(nav_search.get_by_role("button", name="Search"))

    reader.expect_heading("Search")
    expect(page.get_by_role("heading", name="Reports: 1 found")).to_be_visible()
    expect(page.get_by_role("heading", name="Items: 1 found")).to_be_visible()
    expect(page.get_by_role("heading", name="Actions: 1 found")).to_be_visible()
    expect(reader.main.get_by_role("link", name="Custody services")).to_have_count(0)

    reader.follow_link("Recommendation 4.2")
    expect(reader.main).to_contain_text("stalking protection orders")

    # An empty search says what to type instead of failing.
    reader.goto("/search/?q=")
    expect(reader.main).to_contain_text("Type words from a report")


def test_the_register_exports_what_its_filter_shows(visit, jasp):
    ReportFactory(title="PEEL 2022: Nottinghamshire")
    ReportFactory(title='=HYPERLINK("https://evil.example/")')

    reader = visit(jasp)
    reader.page.get_by_label("Search titles").fill("peel")
    reader.press("Filter")
    with reader.page.expect_download() as download:
        reader.main.get_by_role("link", name="Export CSV of every report listed").click()

    assert download.value.suggested_filename.startswith("register-")
    with open(download.value.path(), encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(io.StringIO(file.read())))
    assert [row[0] for row in rows[1:]] == ["PEEL 2022: Nottinghamshire"]
