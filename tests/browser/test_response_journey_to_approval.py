"""A section 55 response as its users live it: OPCC staff invite the Chief Constable, the DCC
enters the comments, staff draft the letter and annex (the gate saying what is missing until it
is complete) and submit it, the PCC approves, and a JASP member reads where it stands. Every page
on the way is checked with axe (WCAG 2.2 A/AA and best practice) on arrival.

No clock is frozen: the report was published ten days before today, so its deadline is ahead."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from responses.choices import Explanation, ResponseStatus
from responses.deadlines import working_days_left
from responses.models import Response
from tests.browser.response_journey import (
    AFI_ANSWER,
    CC_COMMENTS,
    DRAFT_OR_WRITE_PATHS,
    NEEDS_CC,
    NEEDS_DATE,
    NEEDS_PCC,
    NEEDS_PCC_ON_CC,
    NEEDS_REC_1,
    PCC_COMMENTS,
    PCC_COMMENTS_MORE,
    PCC_ON_CC,
    REC_CC,
    REC_CC_ANSWER,
    REC_HO_ANSWER,
    REC_OWNER,
    TITLE,
    annex_entry,
    back_to_response,
    expect_status,
    long_date,
    nav,
    open_response,
)

pytestmark = pytest.mark.browser


def test_a_response_goes_from_the_invitation_to_the_pccs_approval(
    visit, browsing, recorded_report, opcc_staff, dcc, pcc, jasp
):
    report = recorded_report
    response = Response.objects.get(report=report)
    today = timezone.localdate()
    published = report.published_on
    deadline = published + datetime.timedelta(days=55)
    cc_due = published + datetime.timedelta(days=28)
    assert response.due_on == deadline
    staff_name = opcc_staff.get_full_name()

    # --- OPCC staff find the response, see its deadline, take it on and invite the CC ----------
    opcc = visit(opcc_staff)
    opcc.follow_link("Responses", within=nav(opcc))
    opcc.expect_heading("Section 55 responses")
    row = opcc.main.get_by_role("row", name=re.compile(re.escape(TITLE)))
    expect(row).to_contain_text("Not started")
    expect(row).to_contain_text("Nobody yet")
    expect(row).to_contain_text(f"Due {deadline.day} {deadline:%b %Y} · 45 days left")
    opcc.follow_link(TITLE)
    opcc.expect_heading(f"Response to {TITLE}")
    expect_status(opcc, "Not started")

    box = opcc.main.get_by_role("region", name="Deadline")
    expect(box).to_contain_text(f"To be published by {long_date(deadline)}")
    days = box.get_by_role("definition")
    working = working_days_left(deadline, today)
    assert 0 < working < 45
    expect(days.nth(0)).to_have_text("45")
    expect(days.nth(1)).to_contain_text(str(working))
    expect(box).to_contain_text(f"Report published {long_date(published)}")
    expect(box).to_contain_text(f"Day 1 {long_date(published)}")
    expect(box).to_contain_text(f"Day 56, the last day {long_date(deadline)}")
    expect(box).to_contain_text(
        f"Day 1 is {long_date(published)}; day 56 is {long_date(deadline)}. "
        "Weekends and bank holidays do not move it."
    )
    # Nothing has been drafted, so the gate lists everything (the letter has no date yet).
    gate = opcc.main.get_by_role("region", name="Completeness")
    expect(gate.get_by_role("listitem")).to_have_text(
        [NEEDS_PCC, NEEDS_CC, NEEDS_PCC_ON_CC, NEEDS_REC_1, NEEDS_DATE]
    )

    opcc.follow_link("Choose or change the owner")
    opcc.expect_heading("Choose the response's owner")
    opcc.page.get_by_label("Owner").select_option(label=staff_name)
    opcc.press("Save owner")
    opcc.expect_message("Owner saved.")
    opcc.expect_heading(f"Response to {TITLE}")
    about = opcc.main.get_by_role("region", name="The report and the response")
    expect(about).to_contain_text(f"Owner in the office {staff_name}")

    opcc.follow_link("My responses", within=nav(opcc))
    opcc.expect_heading("My responses")
    mine = opcc.main.get_by_role("table")
    expect(mine.locator("caption")).to_contain_text("Your 1 response")
    expect(mine.get_by_role("link")).to_have_text([TITLE])
    opcc.follow_link(TITLE)

    opcc.follow_link("Invite the Chief Constable's comments")
    opcc.expect_heading("Invite the Chief Constable's comments")
    # The office's default: 28 days after publication.
    expect(opcc.page.get_by_label("Comments due by")).to_have_value(cc_due.isoformat())
    expect(opcc.page.get_by_label("Date the Chief Constable was invited to comment")).to_have_value(
        today.isoformat()
    )
    opcc.press("Record the invitation")
    opcc.expect_message("Invitation recorded.")
    expect_status(opcc, "Chief Constable invited")
    cc = opcc.main.get_by_role("region", name="The Chief Constable's comments")
    expect(cc).to_contain_text(f"Due by {cc_due.day} {cc_due:%B %Y}")
    expect(
        opcc.main.get_by_role("link", name="Invite the Chief Constable's comments")
    ).to_have_count(0)

    # --- The DCC enters the Chief Constable's comments -----------------------------------------
    deputy = visit(dcc)
    open_response(deputy)
    expect_status(deputy, "Chief Constable invited")
    deputy.follow_link("Enter the Chief Constable's comments")
    deputy.expect_heading("Enter the Chief Constable's comments")
    expect(deputy.main).to_contain_text(f"to arrive by {cc_due.day} {cc_due:%B %Y}")
    deputy.page.get_by_label("The Chief Constable's comments").fill(CC_COMMENTS)
    deputy.press("Record the Chief Constable's comments")
    deputy.expect_message("The Chief Constable's comments are recorded.")
    deputy.expect_heading(f"Response to {TITLE}")
    expect_status(deputy, "Chief Constable's comments received")
    comments = deputy.main.get_by_role("region", name="The Chief Constable's comments")
    expect(comments.locator("strong")).to_have_text("welcomes")
    expect(comments.get_by_role("listitem")).to_have_text(
        [
            "review the missing children protocol with its partners",
            "train every response officer in the new protocol",
        ]
    )
    # The DCC has nothing more to do, and cannot read the office's draft.
    expect(
        deputy.main.get_by_role("link", name="Enter the Chief Constable's comments")
    ).to_have_count(0)
    expect(deputy.main.get_by_role("link", name="Preview the letter and annex")).to_have_count(0)

    # --- OPCC staff draft the PCC's comments, and the gate says what is still missing ----------
    open_response(opcc)
    expect_status(opcc, "Chief Constable's comments received")
    expect(opcc.main.get_by_role("region", name="The Chief Constable's comments")).to_contain_text(
        "train every response officer"
    )
    opcc.follow_link("Draft the letter and annex")
    opcc.expect_heading("Draft the response")
    page = opcc.page
    still_needed = opcc.main.get_by_role(
        "region", name="Still needed before it can be submitted for approval"
    )
    expect(still_needed.get_by_role("listitem")).to_have_text(
        [NEEDS_PCC, NEEDS_PCC_ON_CC, NEEDS_REC_1, NEEDS_DATE]
    )
    # The letter is dated today unless changed; the CC's comments arrive from the force's entry
    # and are shown, not offered for editing: only force staff or the DCC enter them.
    expect(page.get_by_label("Date of the letter")).to_have_value(today.isoformat())
    expect(page.get_by_label("The Chief Constable's comments", exact=True)).to_have_count(0)
    expect(page.locator(".composer")).to_contain_text("review the missing children protocol")
    # The annex: the chief constables' recommendation has no force action yet, so nothing is
    # suggested; the Home Office one comes with the usual line; the AFI is left out by default.
    rec_1 = annex_entry(opcc, "Recommendation 1")
    expect(rec_1).to_contain_text("None recorded yet.")
    # The item as printed, with its own line breaks kept but no blank line added before it.
    assert rec_1.locator(".prewrap").evaluate("e => e.innerText") == REC_CC
    expect(rec_1.get_by_label("What the response says")).to_have_value("")
    expect(rec_1.get_by_label("The response", exact=True)).to_have_value("")
    expect(rec_1.get_by_label("Include in the annex")).to_be_disabled()
    rec_2 = annex_entry(opcc, "Recommendation 2")
    expect(rec_2).to_contain_text("No force action needed.")
    expect(rec_2.get_by_label("What the response says")).to_have_value(Explanation.OTHER_BODY)
    expect(rec_2.get_by_label("The response", exact=True)).to_have_value(
        re.compile(r"^This recommendation is addressed to (the )?Home Office\. The force will act")
    )
    afi = annex_entry(opcc, "Area for improvement AFI 1")
    expect(afi.get_by_label("Include in the annex")).not_to_be_checked()

    page.get_by_label("The PCC's comments on the report", exact=True).fill(PCC_COMMENTS)
    opcc.press("Save draft")
    first_draft = Response.objects.get(pk=response.pk).lock_version
    opcc.expect_message(f"Draft saved as version {first_draft}.")
    opcc.expect_heading("Draft the response")
    expect(still_needed.get_by_role("listitem")).to_have_text([NEEDS_PCC_ON_CC, NEEDS_REC_1])
    expect(page.get_by_label("The PCC's comments on the report", exact=True)).to_have_value(
        PCC_COMMENTS
    )

    # Submitting now is refused, with the same list, and changes nothing.
    back_to_response(opcc)
    expect_status(opcc, "Drafting")
    gate = opcc.main.get_by_role("region", name="Completeness")
    expect(gate).to_contain_text("Not complete.")
    expect(gate.get_by_role("listitem")).to_have_text([NEEDS_PCC_ON_CC, NEEDS_REC_1])
    opcc.follow_link("Submit for approval")
    opcc.expect_heading("Submit the response for approval")
    opcc.press("Submit to the PCC for approval")
    opcc.expect_heading("Submit the response for approval")
    refusal = page.get_by_role("alert")
    expect(refusal).to_contain_text("Nothing was saved")
    expect(refusal).to_contain_text("The response is not complete. Still needed:")
    expect(refusal.get_by_role("listitem")).to_have_text([NEEDS_PCC_ON_CC, NEEDS_REC_1])
    expect(opcc.main).to_contain_text("Status: Drafting.")
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.DRAFTING
    assert Response.objects.get(pk=response.pk).lock_version == first_draft

    # --- Back in the composer, the missing parts are completed ---------------------------------
    back_to_response(opcc)
    opcc.follow_link("Draft the letter and annex")
    opcc.expect_heading("Draft the response")
    page.get_by_label("The PCC's comments on the report", exact=True).fill(
        f"{PCC_COMMENTS} {PCC_COMMENTS_MORE}"
    )
    page.get_by_label("The PCC's comments on the Chief Constable's comments", exact=True).fill(
        PCC_ON_CC
    )
    rec_1.get_by_label("What the response says").select_option(label="Action proposed")
    rec_1.get_by_label("The response", exact=True).fill(REC_CC_ANSWER)
    rec_1.get_by_label("Owner", exact=True).fill(REC_OWNER)
    target = today + datetime.timedelta(days=180)
    rec_1.get_by_label("Target date", exact=True).fill(target.isoformat())
    rec_2.get_by_label("The response", exact=True).fill(REC_HO_ANSWER)
    afi.get_by_label("Include in the annex").check()
    afi.get_by_label("What the response says").select_option(label="Action taken")
    afi.get_by_label("The response", exact=True).fill(AFI_ANSWER)
    opcc.press("Save draft")
    second_draft = Response.objects.get(pk=response.pk).lock_version
    assert second_draft > first_draft
    opcc.expect_message(f"Draft saved as version {second_draft}.")
    expect(still_needed).to_have_count(0)
    expect(rec_1.get_by_label("Owner", exact=True)).to_have_value(REC_OWNER)

    # The letter as it will be published, marked as a draft.
    opcc.follow_link("Preview the letter and annex")
    opcc.expect_heading("The letter and annex")
    expect(page.get_by_role("note")).to_contain_text("Draft: drafting, not yet published.")
    letter = opcc.main.get_by_role("article")
    expect(letter).to_contain_text(
        "Office of the Police and Crime Commissioner for Nottinghamshire"
    )
    expect(letter).to_contain_text("The Home Secretary")
    expect(letter).to_contain_text(f"{today.day} {today:%B %Y}")
    expect(letter.get_by_role("heading", level=2)).to_have_text(f"Response to HMICFRS - {TITLE}")
    expect(letter.get_by_role("heading", level=3)).to_have_text(
        [
            "The Commissioner's comments",
            "The Chief Constable's comments",
            "The Commissioner's comments on the Chief Constable's comments",
        ]
    )
    parts = letter.locator("section.letter-part")
    expect(parts.nth(0)).to_contain_text(f"{PCC_COMMENTS} {PCC_COMMENTS_MORE}")
    expect(parts.nth(1).locator("strong")).to_have_text("welcomes")
    expect(parts.nth(1).get_by_role("listitem")).to_have_count(2)
    expect(parts.nth(2)).to_contain_text(PCC_ON_CC)
    expect(letter).to_contain_text("Gail Hanbury")
    expect(letter).to_contain_text("Copy to: HMICFRS")
    annex = opcc.main.get_by_role("region", name="Annex: response to the recommendations")
    expect(annex.get_by_role("heading", level=3)).to_have_text(
        ["Recommendation 1", "Recommendation 2", "Area for improvement AFI 1"]
    )
    entries = annex.locator("section.annex-entry-block")
    expect(entries.nth(0)).to_contain_text(REC_CC)
    expect(entries.nth(0)).to_contain_text("Response Action proposed")
    expect(entries.nth(0)).to_contain_text(REC_CC_ANSWER)
    expect(entries.nth(0)).to_contain_text(f"Owner {REC_OWNER}")
    expect(entries.nth(0)).to_contain_text(f"Target date {target.day} {target:%B %Y}")
    expect(entries.nth(1)).to_contain_text("Addressed to Home Office")
    expect(entries.nth(1)).to_contain_text("addressed to the Home Office")
    expect(entries.nth(1)).not_to_contain_text("Owner")
    expect(entries.nth(2)).to_contain_text(AFI_ANSWER)

    # Every save is a version; the latest two compared show the words added.
    opcc.follow_link("Every saved version")
    opcc.expect_heading("Every saved version")
    versions = opcc.main.get_by_role("table")
    expect(versions.get_by_role("rowheader").first).to_have_text(str(second_draft))
    expect(page.get_by_label(f"Compare to version {second_draft}")).to_be_checked()
    expect(page.get_by_label(f"Compare from version {first_draft}")).to_be_checked()
    expect(versions.get_by_role("row").filter(has_text="Chief Constable invited.")).to_contain_text(
        staff_name
    )
    opcc.press("Compare")
    opcc.expect_heading("Compare two versions")
    expect(opcc.main).to_contain_text(f"between version {first_draft} and version {second_draft}")
    compared = opcc.main.get_by_role("table")

    def compared_row(label):
        return compared.get_by_role("row").filter(
            has=page.get_by_role("rowheader", name=label, exact=True)
        )

    pcc_row = compared_row("The PCC's comments on the report")
    expect(pcc_row).to_contain_text("Changed")
    expect(pcc_row.locator("ins")).to_have_text(PCC_COMMENTS_MORE)
    expect(pcc_row.locator("del")).to_have_count(0)
    expect(
        compared_row("The PCC's comments on the Chief Constable's comments").locator("ins")
    ).to_have_text(PCC_ON_CC)
    expect(compared_row("Annex: Recommendation 1").locator("ins")).to_contain_text(REC_OWNER)
    expect(compared_row("Subject")).to_contain_text("Unchanged")

    # Complete now, so it goes to the PCC.
    back_to_response(opcc)
    gate = opcc.main.get_by_role("region", name="Completeness")
    expect(gate).to_contain_text("Complete:")
    expect(gate.get_by_role("listitem")).to_have_count(0)
    opcc.follow_link("Submit for approval")
    opcc.expect_heading("Submit the response for approval")
    opcc.press("Submit to the PCC for approval")
    opcc.expect_message("Submitted to the PCC for approval.")
    expect_status(opcc, "Submitted for approval")
    expect(opcc.main.get_by_role("link", name="Draft the letter and annex")).to_have_count(0)

    # --- The PCC approves it -------------------------------------------------------------------
    commissioner = visit(pcc)
    open_response(commissioner)
    expect_status(commissioner, "Submitted for approval")
    commissioner.follow_link("Approve or return")
    commissioner.expect_heading("Approve or return the response")
    expect(commissioner.main.get_by_role("region", name="Completeness")).to_contain_text(
        "Complete:"
    )
    commissioner.page.get_by_label("Approve the response").check()
    commissioner.press("Record decision")
    commissioner.expect_message("Approved: the office can now publish the response.")
    expect_status(commissioner, "Approved")
    about = commissioner.main.get_by_role("region", name="The report and the response")
    expect(about).to_contain_text(f"by {pcc.get_full_name()}")
    expect(commissioner.main.get_by_role("link", name="Approve or return")).to_have_count(0)

    # --- A JASP member sees where it stands, but no steps to take and no draft -----------------
    panel = visit(jasp)
    panel.follow_link("Responses", within=nav(panel))
    expect(panel.main.get_by_role("row", name=re.compile(re.escape(TITLE)))).to_contain_text(
        "Approved"
    )
    expect(nav(panel).get_by_role("link", name="My responses")).to_have_count(0)
    panel.follow_link(TITLE)
    panel.expect_heading(f"Response to {TITLE}")
    expect_status(panel, "Approved")
    expect(panel.main.get_by_role("region", name="Deadline")).to_contain_text(
        f"To be published by {long_date(deadline)}"
    )
    expect(panel.main.get_by_role("heading", name="What you can do")).to_have_count(0)
    expect(panel.main.get_by_role("region", name="Completeness")).to_have_count(0)
    for text in ("welcomes", PCC_COMMENTS, PCC_ON_CC, REC_CC_ANSWER):
        expect(panel.main).not_to_contain_text(text)
    hrefs = panel.page.eval_on_selector_all("a[href]", "links => links.map(a => a.pathname)")
    assert not [href for href in hrefs if DRAFT_OR_WRITE_PATHS.search(href)], hrefs
    assert panel.page.locator("form[method=post]").all_inner_texts() == ["Sign out"]
    panel.goto(f"/responses/{response.pk}/letter/", status=403)
    panel.expect_heading("You cannot do this")

    # --- What was stored -------------------------------------------------------------------------
    response.refresh_from_db()
    assert response.status == ResponseStatus.APPROVED
    assert response.approved_by == pcc
    assert response.owner == opcc_staff
    assert (response.cc_invited_on, response.cc_due_on) == (today, cc_due)
    assert response.cc_received_on == today
    assert response.letter_date == today
    entry = response.annex.get(item__reference="1")
    assert (entry.explanation, entry.owner, entry.target_date) == (
        Explanation.ACTION_PROPOSED,
        REC_OWNER,
        target,
    )

    pk = response.pk
    checked = {urlsplit(url).path for url in browsing.checked_urls}
    assert checked >= {
        "/responses/",
        "/responses/mine/",
        f"/responses/{pk}/",
        f"/responses/{pk}/owner/",
        f"/responses/{pk}/invite/",
        f"/responses/{pk}/chief-constable/",
        f"/responses/{pk}/compose/",
        f"/responses/{pk}/submit/",
        f"/responses/{pk}/letter/",
        f"/responses/{pk}/versions/",
        f"/responses/{pk}/versions/compare/",
        f"/responses/{pk}/approve/",
    }
