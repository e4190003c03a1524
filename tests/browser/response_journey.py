"""What the section 55 response journeys share: the report's and the response's words as the users
type and read them, what the gate lists, and the ways around a response's pages."""

import datetime
import re

from playwright.sync_api import expect

TITLE = "National Child Protection Inspections: thematic report"


REC_CC = (
    "Chief constables should review how their forces respond to children who go missing from "
    "home, with their partners, and act on what they find."
)


REC_HO = "The Home Office should publish revised guidance on joint working in safeguarding hubs."


AFI = "The force should improve how it records the voice of the child."


CC_COMMENTS = (
    "The force **welcomes** the report. In response it will:\n\n"
    "- review the missing children protocol with its partners\n"
    "- train every response officer in the new protocol"
)


PCC_COMMENTS = "I welcome this report and its focus on children at risk."


PCC_COMMENTS_MORE = "I have asked the force to report its progress to the JASP."


PCC_ON_CC = "I am reassured by the Chief Constable's commitment to review the protocol."


REC_CC_ANSWER = "The force will review its missing children protocol with the safeguarding board."


REC_HO_ANSWER = (
    "This recommendation is addressed to the Home Office; the force will act on any resulting "
    "guidance."
)


AFI_ANSWER = "Officers now record the child's own words in every referral."


REC_OWNER = "Head of Public Protection"


#: What the gate lists, in the letter's order (responses.gate.response_missing_parts).
NEEDS_PCC = "The PCC's comments on the report."


NEEDS_CC = "The Chief Constable's comments, or the reason there are none."


NEEDS_PCC_ON_CC = "The PCC's comments on the Chief Constable's comments."


NEEDS_REC_1 = "An explanation for recommendation 1: it says nothing yet."


NEEDS_DATE = "The letter's date."


#: Paths that change a response, or show its drafts (responses/urls.py).
DRAFT_OR_WRITE_PATHS = re.compile(
    r"/responses/\d+/(owner|invite|chief-constable|submit|approve|publish|compose|letter|versions)"
)


def long_date(day: datetime.date) -> str:
    """As the pages print a date in full: "Monday 6 April 2020"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def nav(visitor):
    return visitor.page.get_by_role("navigation", name="Main")


def open_response(visitor, title: str = TITLE):
    """From anywhere: Responses in the main navigation, then the response's row."""
    visitor.follow_link("Responses", within=nav(visitor))
    visitor.expect_heading("Section 55 responses")
    visitor.follow_link(title)
    visitor.expect_heading(f"Response to {title}")


def back_to_response(visitor):
    """The breadcrumb from one of the response's pages back to the response."""
    crumbs = visitor.page.get_by_role("navigation", name="Breadcrumb")
    visitor.follow(crumbs.get_by_role("link", name=TITLE))
    visitor.expect_heading(f"Response to {TITLE}")


def expect_status(visitor, label: str):
    main = visitor.main
    expect(main.locator("p.lead")).to_contain_text(f"Status: {label}")
    expect(main.locator("[aria-current=step]")).to_contain_text(label)


def annex_entry(visitor, legend: str):
    return visitor.main.get_by_role("group", name=legend, exact=True)
