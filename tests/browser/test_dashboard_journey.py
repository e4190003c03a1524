"""The dashboards as their readers use them: a JASP member goes from the dashboard to the overdue
recommendations and AFIs, then downloads the update report the office froze for the meeting; the
DCC goes from a figure to the actions behind it, then sorts them. Every page on the way is
checked with axe."""

import re

import pytest
from playwright.sync_api import expect

from dashboards.models import UpdateReport
from tests.dashboards.dataset import build
from tests.responses.pdf_text import pdf_text

from ..celery_worker import celery_worker

pytestmark = pytest.mark.browser


@pytest.fixture
def register(dcc, force_officer):
    build(copies=1, by=dcc, owner_user=force_officer)


RENDERED_WITHIN = 90_000  # ms: the worker renders a few pages in a second or two


def freeze_a_paper(visit, opcc_staff, tmp_path) -> UpdateReport:
    """The office freezes the paper for the meeting and watches the real worker render it."""
    with celery_worker(tmp_path / "worker.log"):
        staff = visit(opcc_staff)
        staff.goto("/dashboards/jasp/")
        staff.follow_link("Update reports for the panel's meetings")
        staff.expect_heading("JASP update reports")
        staff.page.get_by_label("Meeting date").fill("2026-12-03")
        staff.press("Freeze the figures and make the PDF")
        staff.expect_heading("Update report for the meeting on 3 December 2026")
        pdf = staff.page.get_by_role("region", name="The PDF")
        expect(pdf).to_contain_text("Download the PDF", timeout=RENDERED_WITHIN)
        staff.check()  # the finished state, swapped in by htmx, is checked with axe too
    return UpdateReport.objects.get()


def test_a_jasp_member_goes_from_the_dashboard_to_the_overdue_list_and_the_paper(
    visit, jasp, opcc_staff, register, media_root, tmp_path
):
    paper = freeze_a_paper(visit, opcc_staff, tmp_path)
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
    member.follow(nav.get_by_role("link", name="JASP dashboard"))
    member.follow_link("Update reports for the panel's meetings")
    member.follow_link("3 December 2026")
    member.expect_heading("Update report for the meeting on 3 December 2026")
    with member.page.expect_download() as download:
        member.main.get_by_role("link", name="Download the PDF").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    paper.refresh_from_db()
    assert path.name == paper.download_name
    with paper.pdf.open("rb") as stored:
        assert path.read_bytes() == stored.read()
    assert f"Overdue recommendations and AFIs: {count}." in pdf_text(path.read_bytes())


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
