"""The register as its users live it: OPCC staff record a report, the force acts on it, the DCC
signs off, and a JASP member reads the result. Every page on the way is checked with axe."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from accounts.roles import Role
from inspections.choices import ActionStatus, Addressee, ReportType
from inspections.models import Action, Item, Report
from tests.factories import ActionFactory, ItemFactory, ReportFactory, UserFactory

pytestmark = pytest.mark.browser

TITLE = "National Child Protection Inspections 2019: thematic report"
REC_1 = (
    "Chief constables should review how their forces respond to children who go missing "
    "from home, with their partners, and act on what they find."
)
REC_2 = "The Home Office should publish revised guidance on joint working in safeguarding hubs."
ACTION = "Review the missing children protocol with the local safeguarding partners."
UPDATE = "Protocol redrafted with the partners; agreed at the safeguarding board on 3 March."
EVIDENCE = "Protocol as agreed by the safeguarding board"

#: Words that would offer a JASP member a change to make.
CHANGE_WORDS = re.compile(
    r"\b(edit|add|submit|sign[- ]?off|review|post|record|change|return|save|delete)\b", re.I
)


#: The app's URLs that change things (inspections/urls.py).
WRITE_PATHS = re.compile(r"/(new|edit|oversight|target-date|submit|sign-off)/$")


def one_page_pdf(text: str) -> bytes:
    """A small, well-formed PDF (checked by content on upload, so it has to be a real one)."""
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def assert_offers_no_changes(visitor):
    """Nothing on the page (a link, a button, a form) offers this reader a change to make."""
    page = visitor.page
    names = page.locator("a, button, input[type=submit], summary").all_inner_texts()
    offered = [name.strip() for name in names if CHANGE_WORDS.search(name)]
    assert not offered, f"{page.url} offers changes: {offered}"
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.pathname)")
    writes = [href for href in hrefs if WRITE_PATHS.search(href)]
    assert not writes, f"{page.url} links to pages that change things: {writes}"
    assert page.locator("form[method=post]").all_inner_texts() == ["Sign out"]


def test_a_recommendation_goes_from_the_report_to_a_signed_off_action(
    visit, browsing, opcc_staff, force_officer, dcc, jasp, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    # --- OPCC staff record the report and its two recommendations ------------------------------
    opcc = visit(opcc_staff)
    opcc.follow_link("Record a report")
    opcc.expect_heading("Record an HMICFRS report")
    page = opcc.page
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Type").select_option(label="National or thematic")
    page.get_by_label("Scope").select_option(label="All forces")
    page.get_by_label("Publication date").fill("2020-02-27")
    page.get_by_label("HMICFRS web address").fill(
        "https://www.justiceinspectorates.gov.uk/hmicfrs/"
    )
    page.get_by_label("Summary").fill("How well forces protect children, across all forces.")
    opcc.press("Save")
    opcc.expect_heading(TITLE)
    opcc.expect_message("Report recorded. Now add its items.")
    expect(opcc.main).to_contain_text("No items recorded yet.")

    opcc.follow_link("Add an item")
    opcc.expect_heading(f"Add an item to {TITLE}")
    page.get_by_label("Kind").select_option(label="Recommendation")
    page.get_by_label("Reference").fill("1")
    page.get_by_label("Text").fill(REC_1)
    page.get_by_label("Addressee").select_option(label="All chief constables")
    opcc.press("Save and add another")
    opcc.expect_message("Item added.")
    opcc.expect_heading(f"Add an item to {TITLE}")
    expect(page.get_by_label("Reference")).to_have_value("")

    page.get_by_label("Kind").select_option(label="Recommendation")
    page.get_by_label("Reference").fill("2")
    page.get_by_label("Text").fill(REC_2)
    page.get_by_label("Addressee").select_option(label="Home Office")
    opcc.press("Save")
    opcc.expect_heading(TITLE)
    items = opcc.main.get_by_role("table")
    expect(items.get_by_role("row")).to_have_count(3)
    expect(items.get_by_role("row", name=re.compile(r"^Recommendation 1 "))).to_contain_text(
        "None yet"
    )
    expect(items.get_by_role("row", name=re.compile(r"^Recommendation 2 "))).to_contain_text(
        "No force action needed"
    )

    report = Report.objects.get(title=TITLE)
    rec_1 = Item.objects.get(report=report, reference="1")
    assert rec_1.action_required
    assert not Item.objects.get(report=report, reference="2").action_required

    # --- The force records an action, an update and evidence, and submits it -------------------
    force = visit(force_officer)
    force.follow_link(TITLE)
    force.follow_link("Recommendation 1")
    force.expect_heading("Recommendation 1")
    expect(force.main).to_contain_text("No actions recorded yet.")
    force.follow_link("Add an action")
    force.expect_heading("Add an action to Recommendation 1")
    page = force.page
    page.get_by_label("Description").fill(ACTION)
    page.get_by_label("Owner", exact=True).fill("Public Protection")
    page.get_by_label("Owner's account").select_option(label=force_officer.get_full_name())
    page.get_by_label("Target date").fill("2030-06-30")
    page.get_by_label("Status").select_option(label="In progress")
    force.press("Save")
    force.expect_message("Action added.")
    force.expect_heading("Recommendation 1")
    card = force.main.get_by_role("article", name=re.compile("^Action 1"))
    expect(card.get_by_role("heading", level=3)).to_have_text(
        re.compile(r"Action 1: In progress\s+Green")
    )
    expect(card).to_contain_text("30 June 2030")

    force.follow_link("My actions", within=page.get_by_role("navigation", name="Main"))
    force.expect_heading("My actions")
    expect(force.main.get_by_role("row", name=re.compile("Recommendation 1"))).to_contain_text(
        "In progress"
    )
    force.follow_link("Recommendation 1")

    force.follow_link("Post an update on action 1")
    force.expect_heading("Post a progress update: Recommendation 1")
    page.get_by_label("Progress update").fill(UPDATE)
    force.press("Post update")
    force.expect_message("Update posted.")
    expect(card).to_contain_text(UPDATE)

    force.follow_link("Submit for sign-off (action 1)")
    expect(force.main).to_contain_text("Add evidence first")
    force.press("Submit for sign-off")
    expect(force.page.get_by_role("alert")).to_contain_text(
        "Add evidence of completion before submitting for sign-off."
    )
    assert Action.objects.get().status == ActionStatus.IN_PROGRESS
    force.follow_link("Add evidence")
    force.expect_heading("Add evidence: Recommendation 1")
    pdf = tmp_path / "missing-children-protocol.pdf"
    pdf.write_bytes(one_page_pdf("Missing children protocol, agreed by the safeguarding board"))
    page.get_by_label("Description").fill(EVIDENCE)
    page.get_by_label("File").set_input_files(pdf)
    force.press("Add evidence")
    force.expect_message("Evidence added.")
    evidence = card.get_by_role("listitem").filter(has_text=EVIDENCE)
    expect(evidence).to_contain_text("missing-children-protocol.pdf")

    force.follow_link("Submit for sign-off (action 1)")
    force.expect_heading("Submit for sign-off: Recommendation 1")
    expect(force.main).to_contain_text("its evidence (1 item)")
    page.get_by_label("Note for the DCC").fill("Protocol agreed and in use since April.")
    force.press("Submit for sign-off")
    force.expect_message("Submitted to the Deputy Chief Constable for sign-off.")
    expect(card.get_by_role("heading", level=3)).to_contain_text("Action 1: Pending sign-off")
    expect(card.get_by_role("link", name=re.compile("^Edit action"))).to_have_count(0)

    # --- The DCC signs it off from the review queue --------------------------------------------
    deputy = visit(dcc)
    deputy.follow_link("Review queue", within=deputy.page.get_by_role("navigation", name="Main"))
    deputy.expect_heading("Review queue")
    row = deputy.main.get_by_role("row", name=re.compile("Recommendation 1"))
    expect(row).to_contain_text("Pending sign-off")
    deputy.follow(row.get_by_role("link", name=re.compile("^Review")))
    deputy.expect_heading("Sign off: Recommendation 1")
    under_review = deputy.main.get_by_role("article")
    expect(under_review.get_by_role("heading", level=3)).to_contain_text("Action: Pending sign-off")
    # The card shows the evidence and nothing to press: the decision is the form below it.
    expect(under_review.get_by_role("link")).to_have_text([EVIDENCE])
    expect(deputy.main).to_contain_text(EVIDENCE)
    expect(deputy.main).to_contain_text("Protocol agreed and in use since April.")
    deputy.page.get_by_label("Sign off and close").check()
    deputy.page.get_by_label("Reason or note").fill("Evidence seen: protocol in force.")
    deputy.press("Record decision")
    deputy.expect_message("Signed off: the action is closed.")
    deputy.expect_heading("Recommendation 1")
    card = deputy.main.get_by_role("article", name=re.compile("^Action 1"))
    expect(card.get_by_role("heading", level=3)).to_contain_text("Action 1: Closed")
    deputy.follow_link("Review queue", within=deputy.page.get_by_role("navigation", name="Main"))
    expect(deputy.main).to_contain_text("Nothing here right now.")

    action = Action.objects.get()
    assert action.status == ActionStatus.CLOSED and action.closed_by == dcc

    # --- A JASP member reads it, and can change nothing ----------------------------------------
    panel = visit(jasp)
    assert_offers_no_changes(panel)
    panel.follow_link(TITLE)
    assert_offers_no_changes(panel)
    expect(panel.main.get_by_role("row", name=re.compile(r"^Recommendation 1 "))).to_contain_text(
        "1 of 1 closed"
    )
    panel.follow_link("Recommendation 1")
    panel.expect_heading("Recommendation 1")
    card = panel.main.get_by_role("article", name=re.compile("^Action 1"))
    expect(card.get_by_role("heading", level=3)).to_contain_text("Action 1: Closed")
    expect(card).to_contain_text(f"by {dcc.get_full_name()}")
    expect(card).to_contain_text(UPDATE)

    assert_offers_no_changes(panel)

    with panel.page.expect_download() as download_info:
        card.get_by_role("link", name=EVIDENCE).click()
    download = download_info.value
    assert download.suggested_filename == "missing-children-protocol.pdf"
    assert download.path().read_bytes().startswith(b"%PDF-")

    for path in (f"/actions/{action.pk}/edit/", f"/items/{rec_1.pk}/actions/new/"):
        panel.goto(path, status=403)
        panel.expect_heading("You cannot do this")
        expect(panel.main).to_contain_text("Nothing was changed.")

    # Each page of the workflow was checked with axe on arrival (the fixture also fails the test
    # if any page load went unchecked).
    checked = {urlsplit(url).path for url in browsing.checked_urls}
    item, action_id = rec_1.pk, action.pk
    assert checked >= {
        "/accounts/login/",
        "/",
        "/reports/new/",
        f"/reports/{report.pk}/",
        f"/reports/{report.pk}/items/new/",
        f"/items/{item}/",
        f"/items/{item}/actions/new/",
        "/my-actions/",
        f"/actions/{action_id}/updates/new/",
        f"/actions/{action_id}/evidence/new/",
        f"/actions/{action_id}/submit/",
        "/review-queue/",
        f"/actions/{action_id}/sign-off/",
        f"/actions/{action_id}/edit/",
    }


def test_the_register_can_be_searched_and_filtered(visit, jasp):
    thematic = ReportFactory(
        title="Missing children: who cares?",
        report_type=ReportType.NATIONAL,
        published_on=datetime.date(2016, 3, 10),
    )
    ReportFactory(
        title="PEEL: police effectiveness 2016",
        report_type=ReportType.PEEL,
        published_on=datetime.date(2016, 3, 2),
    )
    child_protection = ReportFactory(
        title="National child protection inspection: Nottinghamshire",
        report_type=ReportType.CHILD_PROTECTION,
        published_on=datetime.date(2019, 7, 18),
    )
    closed = ReportFactory(
        title="National child protection inspection: post-inspection review",
        report_type=ReportType.POST_INSPECTION_REVIEW,
        published_on=datetime.date(2020, 2, 27),
    )
    ItemFactory(report=thematic, addressee=Addressee.ALL_CHIEF_CONSTABLES)
    ActionFactory(
        item=ItemFactory(report=closed),
        status=ActionStatus.CLOSED,
        closed_at=datetime.datetime(2021, 1, 5, tzinfo=datetime.UTC),
        closed_by=UserFactory(role=Role.DCC),
    )
    ItemFactory(report=child_protection, addressee=Addressee.HOME_OFFICE)

    reader = visit(jasp)
    table = reader.main.get_by_role("table")
    expect(table.locator("caption")).to_contain_text("4 reports")

    page = reader.page
    page.get_by_label("Search titles").fill("child protection")
    reader.press("Filter")
    expect(table.locator("caption")).to_contain_text("2 reports matching the filter")
    # Each row links its report (first column) and its response (last): the report links only.
    report_links = table.locator("tbody td:first-child a")
    expect(report_links.get_by_text(child_protection.title, exact=True)).to_be_visible()
    expect(report_links.get_by_text(closed.title, exact=True)).to_be_visible()
    expect(page.get_by_label("Search titles")).to_have_value("child protection")

    page.get_by_label("Year published").select_option("2019")
    reader.press("Filter")
    expect(table.locator("caption")).to_contain_text("1 report matching the filter")
    expect(report_links).to_have_text([child_protection.title])

    page.get_by_label("Search titles").fill("")
    page.get_by_label("Year published").select_option(label="Any year")
    page.get_by_label("Type").select_option(label="National or thematic")
    reader.press("Filter")
    expect(report_links).to_have_text([thematic.title])

    page.get_by_label("Type").select_option(label="Any type")
    page.get_by_label("Only reports with open items").check()
    reader.press("Filter")
    # The thematic report's item has no action yet; the review's only action is closed; the
    # Nottinghamshire report's item is for the Home Office, so needs nothing from the force.
    expect(report_links).to_have_text([thematic.title])

    page.get_by_label("Search titles").fill("no such report")
    reader.press("Filter")
    expect(reader.main).to_contain_text("No reports match.")

    reader.follow_link("Clear the filter")
    expect(table.locator("caption")).to_have_text("4 reports")
    expect(page.get_by_label("Only reports with open items")).not_to_be_checked()
