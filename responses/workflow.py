"""The section 55 response's workflow, declared once (inspections.workflow explains the parts).
services.py calls RESPONSES.check before each change; the step views, the detail page's
buttons and the access walk read the same entries."""

from accounts.roles import (
    CC_COMMENTERS,
    RESPONSE_APPROVERS,
    RESPONSE_DRAFTERS,
)
from inspections.workflow import Transition, Workflow, every

from .choices import EDITABLE_STATES, PUBLISHED_STATES, ResponseStatus
from .errors import IncompleteResponse
from .gate import response_missing_parts


def _require_complete(response) -> None:
    missing = response_missing_parts(response=response)
    if missing:
        raise IncompleteResponse(missing)


def _cc_comments_overdue(response, today) -> str | None:
    if response.cc_due_on is None or today <= response.cc_due_on:
        return (
            "The Chief Constable's comments are not overdue yet: force staff or the DCC enter "
            "them, or the reason there are none."
        )
    return None


def _report_withdrawn(response) -> str | None:
    if response.report.is_withdrawn:
        return "This response's report is withdrawn from the register: restore it first."
    return None


S = ResponseStatus

RESPONSES = Workflow(
    noun="response",
    gate=_require_complete,
    blocked=_report_withdrawn,
    transitions=(
        Transition(
            "invite",
            "Invite the Chief Constable's comments",
            "responses:invite",
            every([S.NOT_STARTED]),
            S.CC_INVITED,
            RESPONSE_DRAFTERS,
        ),
        Transition(
            "cc_comments",
            "Enter the Chief Constable's comments",
            "responses:cc_comments",
            every([S.CC_INVITED]),
            S.CC_RECEIVED,
            CC_COMMENTERS,
        ),
        Transition(
            "no_cc_comments",
            "Record that no comments came",
            "responses:no_cc_comments",
            every([S.CC_INVITED]),
            S.CC_RECEIVED,
            RESPONSE_DRAFTERS,
            guard=_cc_comments_overdue,
            emphasis="secondary",
        ),
        Transition(
            "compose",
            "Draft the letter and annex",
            "responses:compose",
            every(EDITABLE_STATES),
            None,
            RESPONSE_DRAFTERS,
            refusal=(
                "This response is {status}; it can no longer be edited. The PCC can return it "
                "for changes."
            ),
        ),
        Transition(
            "submit",
            "Submit for approval",
            "responses:submit",
            every([S.DRAFTING]),
            S.SUBMITTED,
            RESPONSE_DRAFTERS,
            gated=True,
        ),
        Transition(
            "approve",
            "Approve or return",
            "responses:approve",
            every([S.SUBMITTED]),
            S.APPROVED,
            RESPONSE_APPROVERS,
            gated=True,
        ),
        Transition(
            # An approved response not yet published can still be returned (a change of mind).
            "return",
            "Return for changes",
            "responses:approve",
            every([S.SUBMITTED, S.APPROVED]),
            S.DRAFTING,
            RESPONSE_APPROVERS,
            emphasis="secondary",
        ),
        Transition(
            "publish",
            "Publish",
            "responses:publish",
            every([S.APPROVED]),
            S.PUBLISHED,
            RESPONSE_DRAFTERS,
            gated=True,
        ),
        Transition(
            "send",
            "Send to HMICFRS and the Home Secretary",
            "responses:send",
            every(PUBLISHED_STATES),
            S.SENT,
            RESPONSE_DRAFTERS,
        ),
        Transition(
            "reopen",
            "Reopen for correction",
            "responses:reopen",
            every(PUBLISHED_STATES),
            S.DRAFTING,
            RESPONSE_DRAFTERS,
            emphasis="secondary",
        ),
        Transition(
            # The owner may change at any point, a sent response's corrections included.
            "assign_owner",
            "Choose or change the owner",
            "responses:assign_owner",
            every(ResponseStatus),
            None,
            RESPONSE_DRAFTERS,
            emphasis="secondary",
        ),
    ),
)


def buttons(response, user, today) -> list[Transition]:
    """The steps shown on the response's page. "Approve or return" already offers the return of
    a submitted response, so its separate button shows only once approved."""
    steps = RESPONSES.available(response, user, today)
    names = {step.name for step in steps}
    return [s for s in steps if not (s.name == "return" and "approve" in names)]
