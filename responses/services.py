"""Every change to a section 55 response. Each asks the declared workflow (workflow.RESPONSES)
whether the caller's role may take the step from the current state, and the steps that lead to
publication pass the completeness gate. How the response follows changes to its report and
items is in following.py; approval and publication in approval.py."""

import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.roles import Role, require_role
from core.concurrency import save_versioned
from inspections.choices import ItemKind
from inspections.models import Report

from . import hooks
from .annex import response_sync_annex

# The one entry point for callers: approval and publication, and how the response follows the
# register, live in their own modules.
from .approval import (  # noqa: F401
    response_approve,
    response_publish,
    response_reopen_for_correction,
    response_return,
    response_submit_for_approval,
)
from .choices import ResponseStatus
from .deadlines import default_cc_due_on, statutory_deadline
from .following import (  # noqa: F401
    response_for_new_item,
    response_item_changed,
    response_items_changed,
    response_report_changed,
)
from .letter import default_opening, default_subject
from .letter_parts import DRAFTED_FIELDS, RICH_FIELDS
from .models import Response
from .richtext import is_blank, sanitise_source
from .saving import save_response as _save
from .versions import record_version, response_changes_since
from .workflow import RESPONSES

OPCC = {Role.OPCC_STAFF}


# --- Creation and the annex -----------------------------------------------------------------


def _default_letter(report: Report) -> dict:
    return {
        "subject": default_subject(report.title),
        "opening": default_opening(report.title, report.published_on),
        "monitoring": (
            "The force tracks every recommendation and area for improvement to closure, overseen "
            "by the Deputy Chief Constable, and reports progress regularly to my Joint Audit and "
            "Scrutiny Panel (JASP), which provides additional scrutiny."
        ),
    }


@transaction.atomic
def response_open_for_report(*, report: Report) -> Response:
    """Every report gets its response when it is recorded, with the deadline worked out."""
    deadline = statutory_deadline(report.published_on)
    response = Response.objects.create(
        report=report,
        deadline_rule=deadline.rule,
        due_on=deadline.last_day,
        cc_due_on=default_cc_due_on(report.published_on),
        **_default_letter(report),
    )
    response_sync_annex(response=response)
    record_version(response=response, by=None, note="Opened when the report was recorded.")
    hooks.response_changed(response=response)
    return response


# --- The Chief Constable ----------------------------------------------------------------------


@transaction.atomic
def response_assign_owner(
    *, response: Response, by: User, owner: User | None, expected_version: int
) -> Response:
    RESPONSES.check("assign_owner", response, by)
    if owner is not None:
        require_role(owner, OPCC)
    response.owner = owner
    _save(response, by=by, expected_version=expected_version, note="Owner assigned.")
    return response


def _check_invitation_dates(
    response: Response,
    invited_on: datetime.date,
    cc_due_on: datetime.date,
    short_notice_reason: str,
) -> None:
    published_on = response.report.published_on
    if invited_on < published_on:
        raise ValidationError(
            {
                "invited_on": "The invitation cannot be dated before the report's publication "
                f"({published_on:%-d %B %Y})."
            }
        )
    if invited_on > timezone.localdate():
        raise ValidationError({"invited_on": "This date is in the future."})
    least = invited_on + datetime.timedelta(days=settings.S55_CC_MIN_DAYS)
    if cc_due_on < invited_on:
        raise ValidationError({"cc_due_on": "The comments cannot be due before the invitation."})
    if cc_due_on < least and not short_notice_reason.strip():
        raise ValidationError(
            {
                "cc_due_on": f"This gives the Chief Constable less than "
                f"{settings.S55_CC_MIN_DAYS} days (the earliest usual date is "
                f"{least:%-d %B %Y}); give a later date, or say why the time is shorter."
            }
        )


@transaction.atomic
def response_invite_chief_constable(
    *,
    response: Response,
    by: User,
    invited_on: datetime.date,
    cc_due_on: datetime.date,
    expected_version: int,
    short_notice_reason: str = "",
) -> Response:
    """s55(4): the office invites the Chief Constable's comments by a date it sets, leaving at
    least S55_CC_MIN_DAYS unless it records why not."""
    RESPONSES.check("invite", response, by)
    _check_invitation_dates(response, invited_on, cc_due_on, short_notice_reason)
    least = invited_on + datetime.timedelta(days=settings.S55_CC_MIN_DAYS)
    response.status = ResponseStatus.CC_INVITED
    response.cc_invited_on = invited_on
    response.cc_due_on = cc_due_on
    response.cc_short_notice_reason = short_notice_reason.strip() if cc_due_on < least else ""
    _save(response, by=by, expected_version=expected_version, note="Chief Constable invited.")
    return response


@transaction.atomic
def response_record_cc_comments(
    *,
    response: Response,
    by: User,
    received_on: datetime.date,
    comments: str = "",
    no_comments_reason: str = "",
    expected_version: int,
) -> Response:
    """Force staff or the DCC enter the Chief Constable's comments (or why there are none)."""
    RESPONSES.check("cc_comments", response, by)
    comments = sanitise_source(comments)
    # What counts is text a reader would see: "<p></p>" or a zero-width space is nothing.
    if is_blank(comments):
        comments = ""
    reason = "" if is_blank(no_comments_reason) else no_comments_reason.strip()
    if bool(comments) == bool(reason):
        raise ValidationError(
            "Enter the Chief Constable's comments, or the reason there are none (one of the two)."
        )
    if response.cc_invited_on and received_on < response.cc_invited_on:
        raise ValidationError({"received_on": "The comments cannot arrive before the invitation."})
    response.status = ResponseStatus.CC_RECEIVED
    response.cc_received_on = received_on
    response.cc_comments = comments
    response.cc_no_comments_reason = reason
    _save(response, by=by, expected_version=expected_version, note="Chief Constable's comments.")
    return response


@transaction.atomic
def response_record_no_cc_comments(
    *, response: Response, by: User, reason: str, today: datetime.date, expected_version: int
) -> Response:
    """The Chief Constable let the date set for comments pass: the office records that none came,
    and why, so that the 56-day duty does not wait on the force."""
    RESPONSES.check("no_cc_comments", response, by, today=today)
    if is_blank(reason):
        raise ValidationError({"reason": "Say why there are no Chief Constable's comments."})
    response.status = ResponseStatus.CC_RECEIVED
    response.cc_no_comments_reason = reason.strip()
    _save(response, by=by, expected_version=expected_version, note="No comments by the due date.")
    return response


# --- Drafting ----------------------------------------------------------------------------------


def _apply_letter(response: Response, letter: dict) -> None:
    for name in DRAFTED_FIELDS:
        if name not in letter:
            continue
        value = letter[name]
        if name in RICH_FIELDS:
            value = sanitise_source(value or "")
        elif isinstance(value, str):
            value = value.strip()
        setattr(response, name, value)


def _apply_annex(response: Response, entries: dict[int, dict]) -> None:
    stored = {entry.pk: entry for entry in response.annex.select_related("item")}
    for pk, values in entries.items():
        entry = stored.get(pk)
        if entry is None:
            raise ValidationError("The annex has changed; reload the page.")
        entry.included = values.get("included", True) or entry.item.kind == ItemKind.RECOMMENDATION
        entry.explanation = values.get("explanation", "")
        entry.text = sanitise_source(values.get("text", ""))
        entry.owner = values.get("owner", "").strip()
        entry.target_date = values.get("target_date")
        entry.full_clean()
        entry.save()


@transaction.atomic
def response_save_draft(
    *, response: Response, by: User, expected_version: int, letter: dict, annex: dict[int, dict]
) -> Response:
    """One save of the composer: the letter and the annex together, recorded as a version."""
    RESPONSES.check("compose", response, by)
    _apply_letter(response, letter)
    if response.status == ResponseStatus.CC_RECEIVED:
        response.status = ResponseStatus.DRAFTING
    save_versioned(
        response, expected_version=expected_version, describe_changes=response_changes_since
    )
    _apply_annex(response, annex)
    response_sync_annex(response=response)
    record_version(response=response, by=by)
    return response
