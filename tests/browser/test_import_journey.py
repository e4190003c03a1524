"""OPCC staff record a report, paste its recommendations, correct one in the preview, drop
one, and save: the items appear on the report with their history, and the section 55
response's annex has an entry for each. Every page on the way is checked with axe."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from inspections.models import Report

pytestmark = pytest.mark.browser

TITLE = "An inspection of how forces respond to stalking"
PASTED = """Print this document

Recommendations

Recommendation 1
By 31 March 2024, chief constables should make sure stalking protection orders are considered.

Recommendation 2
By 31 March 2024, the College of Policing should publish guidance on recording stalking.

Recommendation 3
Within six months, the Home Office should review the law on cyberstalking.
"""
CORRECTED = (
    "By 31 March 2024, chief constables should make sure stalking protection orders are "
    "considered and recorded in every case."
)


def test_office_staff_import_correct_drop_and_save_recommendations(visit, opcc_staff):
    opcc = visit(opcc_staff)
    opcc.follow_link("Record a report")
    page = opcc.page
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Type").select_option(label="National or thematic")
    page.get_by_label("Scope").select_option(label="All forces")
    page.get_by_label("Publication date").fill("2023-10-03")
    opcc.press("Save and import its items")
    opcc.expect_heading(f"Import items into {TITLE}")
    expect(opcc.main).to_contain_text("up to 20.0 MB")

    page.get_by_label("Paste the report's text").fill(PASTED)
    opcc.press("Read and preview the items")
    expect(page.locator("fieldset.import-row")).to_have_count(3)
    expect(page.locator("#row-1 legend")).to_contain_text("from line 6")
    expect(page.locator("#id_rows-2-deadline")).to_have_value("2024-04-03")
    expect(page.locator("#id_rows-2-deadline_text")).to_have_value("Within six months")
    expect(page.locator("#id_rows-1-addressee")).to_have_value("college_of_policing")

    page.locator("#id_rows-0-text").fill(CORRECTED)
    page.locator("#id_rows-1-drop").check()
    opcc.follow(opcc.main.get_by_role("button", name="Save the items").last)

    opcc.expect_heading(TITLE)
    opcc.expect_message("2 items created.")
    items = opcc.main.get_by_role("table")
    expect(items.get_by_role("row", name=re.compile(r"^Recommendation 1 "))).to_contain_text(
        "considered and recorded"
    )
    expect(items.get_by_role("row", name=re.compile(r"^Recommendation 3 "))).to_contain_text(
        "cyberstalking"
    )
    expect(items).not_to_contain_text("publish guidance on recording stalking")

    opcc.follow_link("Recommendation 3")
    history = opcc.main.get_by_role("region", name="History")
    expect(history).to_contain_text("Imported from pasted text, line 12")
    expect(history).to_contain_text('deadline as printed: "Within six months"')

    report = Report.objects.get(title=TITLE)
    annex = report.response.annex.select_related("item").order_by("item__position")
    assert [entry.item.reference for entry in annex] == ["1", "3"]
    opcc.goto(reverse("responses:compose", args=[report.response.pk]))
    expect(opcc.main).to_contain_text("cyberstalking")
    expect(opcc.main).to_contain_text("considered and recorded")
