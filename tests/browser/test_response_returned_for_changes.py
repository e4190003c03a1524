"""The other way out of approval, in the browser: the PCC returns an overdue response, a reason
is required, and the office sees it. Every page on the way is checked with axe on arrival."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from responses.choices import ResponseStatus
from responses.models import Response
from tests.browser.response_journey import expect_status, open_response

pytestmark = pytest.mark.browser


def test_the_pcc_returns_an_overdue_response_for_changes(visit, response_in, pcc, opcc_staff):
    """The other way out of approval: a reason is required, and the office sees it. The NCPI 2019
    response (tests/conftest.py) was due on 22 April 2020, so it is shown overdue."""
    response = response_in(ResponseStatus.SUBMITTED)
    title = response.report.title
    overdue_by = (timezone.localdate() - datetime.date(2020, 4, 22)).days

    commissioner = visit(pcc)
    open_response(commissioner, title)
    expect(commissioner.main.locator("p.lead")).to_contain_text("Overdue")
    expect(commissioner.main).to_contain_text(f"Overdue by {overdue_by} days · due 22 Apr 2020")
    box = commissioner.main.get_by_role("region", name="Deadline")
    expect(box).to_contain_text(f"overdue by {overdue_by} days")
    commissioner.follow_link("Approve or return")
    commissioner.page.get_by_label("Return it for changes").check()
    commissioner.press("Record decision")
    commissioner.expect_heading("Approve or return the response")
    what = commissioner.page.get_by_label("What needs to change")
    expect(what).to_have_attribute("aria-invalid", "true")
    expect(commissioner.main).to_contain_text("Say what needs to change.")
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.SUBMITTED
    what.fill("Please say when the force will report its progress to the JASP.")
    commissioner.press("Record decision")
    commissioner.expect_message("Returned to the office with your comments.")
    expect_status(commissioner, "Drafting")

    opcc = visit(opcc_staff)
    open_response(opcc, title)
    expect_status(opcc, "Drafting")
    returned = opcc.page.get_by_role("note")
    expect(returned.get_by_role("heading")).to_have_text("Returned by the PCC")
    expect(returned).to_contain_text("Please say when the force will report its progress")
    opcc.follow_link("Draft the letter and annex")
    opcc.expect_heading("Draft the response")
    response.refresh_from_db()
    assert response.status == ResponseStatus.DRAFTING and response.approved_by is None
