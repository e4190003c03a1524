"""Every change to a section 55 response: each checks the current state and the caller's role,
and the transitions that lead to publication pass the completeness gate."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.roles import ACTION_EDITORS, Role, require_role
from inspections.choices import ItemKind
from inspections.concurrency import save_versioned
from inspections.errors import InvalidTransition
from inspections.models import Item, Report

from .annex import suggested_entry
from .choices import EDITABLE_STATES, ResponseStatus
from .deadlines import default_cc_due_on, statutory_deadline
from .errors import IncompleteResponse
from .gate import response_missing_parts
from .models import AnnexEntry, PublishedVersion, Response, ResponseVersion
from .publication import publish_version
from .richtext import plain_text, sanitise_source
from .versions import LETTER_FIELDS, record_version, response_changes_since

OPCC = {Role.OPCC_STAFF}
RICH_FIELDS = {"opening", "pcc_comments", "cc_comments", "pcc_comments_on_cc", "monitoring"}
ANNEX_ITEM_KINDS = (ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT)


def _require_status(response: Response, *allowed: ResponseStatus, wanted: ResponseStatus):
    if response.status not in allowed:
        raise InvalidTransition(ResponseStatus(response.status), wanted, noun="response")


def _require_complete(response: Response) -> None:
    missing = response_missing_parts(response=response)
    if missing:
        raise IncompleteResponse(missing)


def _save(
    response: Response, *, by, expected_version: int | None = None, note: str = ""
) -> ResponseVersion:
    save_versioned(
        response, expected_version=expected_version, describe_changes=response_changes_since
    )
    version = record_version(response=response, by=by, note=note)
    _reminders().reminders_refresh_for_response(response=response)
    return version


def _reminders():
    """The response's reminders follow its dates and state. Imported on use: reminders depends
    on this app."""
    from reminders import services

    return services


# --- Creation and the clock --------------------------------------------------------------------


def _default_letter(report: Report) -> dict:
    return {
        "subject": f"Response to HMICFRS - {report.title}",
        "opening": (
            "In line with my statutory responsibilities under section 55 of the Police Act 1996, "
            "and following consultation with the Chief Constable, I am pleased to provide the "
            f"following response to \u201c{report.title}\u201d, which HMICFRS published on "
            f"{report.published_on:%-d %B %Y}."
        ),
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
    _reminders().reminders_refresh_for_response(response=response)
    return response


@transaction.atomic
def response_refresh_deadline(*, report: Report) -> None:
    """The publication date changed: the deadline follows it."""
    deadline = statutory_deadline(report.published_on)
    Response.objects.filter(report=report).update(
        deadline_rule=deadline.rule, due_on=deadline.last_day
    )
    for response in Response.objects.filter(report=report):
        _reminders().reminders_refresh_for_response(response=response)


def response_sync_annex(*, response: Response) -> None:
    """Give every recommendation and AFI of the report an annex entry, with a suggested line."""
    have = set(response.annex.values_list("item_id", flat=True))
    items = response.report.items.filter(kind__in=ANNEX_ITEM_KINDS).exclude(pk__in=have)
    for item in items.prefetch_related("actions__owner_user"):
        AnnexEntry.objects.create(response=response, item=item, **suggested_entry(item))


def response_for_new_item(*, item: Item, by) -> None:
    """A new item joins the annex of a response still being drafted, as a new version (so a
    comparison or an edit conflict shows the annex entry as the recorder's change)."""
    # Locked first, so a draft saved meanwhile cannot make the item's recording fail on a conflict.
    response = Response.objects.select_for_update().filter(report=item.report).first()
    if response is None or response.status not in EDITABLE_STATES:
        return
    if item.kind not in ANNEX_ITEM_KINDS:
        return
    response_sync_annex(response=response)
    _save(response, by=by, note=f"Annex entry added for {item}.")


# --- The Chief Constable ----------------------------------------------------------------------


@transaction.atomic
def response_assign_owner(*, response: Response, by, owner, expected_version: int) -> Response:
    require_role(by, OPCC)
    if owner is not None:
        require_role(owner, OPCC)
    response.owner = owner
    _save(response, by=by, expected_version=expected_version, note="Owner assigned.")
    return response


@transaction.atomic
def response_invite_chief_constable(
    *,
    response: Response,
    by,
    invited_on: datetime.date,
    cc_due_on: datetime.date,
    expected_version: int,
) -> Response:
    """s55(4): the office invites the Chief Constable's comments by a date it sets."""
    require_role(by, OPCC)
    _require_status(response, ResponseStatus.NOT_STARTED, wanted=ResponseStatus.CC_INVITED)
    if cc_due_on < invited_on:
        raise ValidationError({"cc_due_on": "The comments cannot be due before the invitation."})
    response.status = ResponseStatus.CC_INVITED
    response.cc_invited_on = invited_on
    response.cc_due_on = cc_due_on
    _save(response, by=by, expected_version=expected_version, note="Chief Constable invited.")
    return response


@transaction.atomic
def response_record_cc_comments(
    *,
    response: Response,
    by,
    received_on: datetime.date,
    comments: str = "",
    no_comments_reason: str = "",
    expected_version: int,
) -> Response:
    """Force staff or the DCC enter the Chief Constable's comments (or why there are none)."""
    require_role(by, ACTION_EDITORS)
    _require_status(response, ResponseStatus.CC_INVITED, wanted=ResponseStatus.CC_RECEIVED)
    comments = sanitise_source(comments)
    # What counts is text a reader would see: "<p></p>" is no comments at all.
    if not plain_text(comments):
        comments = ""
    if bool(comments) == bool(no_comments_reason.strip()):
        raise ValidationError(
            "Enter the Chief Constable's comments, or the reason there are none (one of the two)."
        )
    if response.cc_invited_on and received_on < response.cc_invited_on:
        raise ValidationError({"received_on": "The comments cannot arrive before the invitation."})
    response.status = ResponseStatus.CC_RECEIVED
    response.cc_received_on = received_on
    response.cc_comments = comments
    response.cc_no_comments_reason = no_comments_reason.strip()
    _save(response, by=by, expected_version=expected_version, note="Chief Constable's comments.")
    return response


@transaction.atomic
def response_record_no_cc_comments(
    *, response: Response, by, reason: str, today: datetime.date, expected_version: int
) -> Response:
    """The Chief Constable let the date set for comments pass: the office records that none came,
    and why, so that the 56-day duty does not wait on the force."""
    require_role(by, OPCC)
    _require_status(response, ResponseStatus.CC_INVITED, wanted=ResponseStatus.CC_RECEIVED)
    if response.cc_due_on is None or today <= response.cc_due_on:
        raise ValidationError(
            "The Chief Constable's comments are not overdue yet: force staff or the DCC enter "
            "them, or the reason there are none."
        )
    if not reason.strip():
        raise ValidationError({"reason": "Say why there are no Chief Constable's comments."})
    response.status = ResponseStatus.CC_RECEIVED
    response.cc_no_comments_reason = reason.strip()
    _save(response, by=by, expected_version=expected_version, note="No comments by the due date.")
    return response


# --- Drafting ----------------------------------------------------------------------------------


def _apply_letter(response: Response, letter: dict) -> None:
    for name, _label in LETTER_FIELDS:
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
    *, response: Response, by, expected_version: int, letter: dict, annex: dict[int, dict]
) -> Response:
    """One save of the composer: the letter and the annex together, recorded as a version."""
    require_role(by, OPCC)
    if response.status not in EDITABLE_STATES:
        raise ValidationError(
            f"This response is {response.get_status_display().lower()}; it can no longer be "
            "edited. The PCC can return it for changes."
        )
    _apply_letter(response, letter)
    if response.status == ResponseStatus.CC_RECEIVED:
        response.status = ResponseStatus.DRAFTING
    save_versioned(
        response, expected_version=expected_version, describe_changes=response_changes_since
    )
    _apply_annex(response, annex)
    record_version(response=response, by=by)
    return response


# --- Approval and publication ------------------------------------------------------------------


@transaction.atomic
def response_submit_for_approval(*, response: Response, by, expected_version: int) -> Response:
    require_role(by, OPCC)
    _require_status(response, ResponseStatus.DRAFTING, wanted=ResponseStatus.SUBMITTED)
    _require_complete(response)
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = timezone.now()
    response.returned_comments = ""
    _save(response, by=by, expected_version=expected_version, note="Submitted for approval.")
    return response


@transaction.atomic
def response_approve(*, response: Response, by, expected_version: int) -> Response:
    require_role(by, {Role.PCC})
    _require_status(response, ResponseStatus.SUBMITTED, wanted=ResponseStatus.APPROVED)
    _require_complete(response)
    response.status = ResponseStatus.APPROVED
    response.approved_at = timezone.now()
    response.approved_by = by
    _save(response, by=by, expected_version=expected_version, note="Approved by the PCC.")
    return response


@transaction.atomic
def response_return(*, response: Response, by, expected_version: int, comments: str) -> Response:
    """The PCC sends it back for changes: when submitted, or approved but not yet published (an
    item recorded since approval, or a change of mind, must not leave it stuck)."""
    require_role(by, {Role.PCC})
    _require_status(
        response, ResponseStatus.SUBMITTED, ResponseStatus.APPROVED, wanted=ResponseStatus.DRAFTING
    )
    if not comments.strip():
        raise ValidationError({"comments": "Say what needs to change."})
    response.status = ResponseStatus.DRAFTING
    response.returned_comments = comments.strip()
    response.approved_at = response.approved_by = None
    # Items recorded while it was submitted have no annex entry yet; the gate would refuse it
    # for them with no way to explain them, so give them their entries now it is editable again.
    response_sync_annex(response=response)
    _save(response, by=by, expected_version=expected_version, note="Returned by the PCC.")
    return response


@transaction.atomic
@transaction.atomic
def response_publish(
    *, response: Response, by, expected_version: int, on: datetime.date
) -> PublishedVersion:
    """Publish the approved response (s55(5)): freeze it as its next published version, whose
    PDF a background job renders. The first publication's date is the statutory record."""
    require_role(by, OPCC)
    _require_status(response, ResponseStatus.APPROVED, wanted=ResponseStatus.PUBLISHED)
    _require_complete(response)
    response.status = ResponseStatus.PUBLISHED
    response.published_on = response.published_on or on
    content = _save(response, by=by, expected_version=expected_version, note="Published.")
    return publish_version(response=response, by=by, on=on, content=content)


@transaction.atomic
def response_reopen_for_correction(
    *, response: Response, by, expected_version: int, reason: str
) -> Response:
    """Reopen a published response to correct it. The published versions stay as they are;
    the corrected response goes through approval again and is published as a new version."""
    require_role(by, OPCC)
    _require_status(
        response, ResponseStatus.PUBLISHED, ResponseStatus.SENT, wanted=ResponseStatus.DRAFTING
    )
    if not reason.strip():
        raise ValidationError("Say what needs correcting.", code="reason_required")
    response.status = ResponseStatus.DRAFTING
    response.approved_at = response.approved_by = None
    note = f"Reopened for correction: {reason.strip()}"[:200]
    _save(response, by=by, expected_version=expected_version, note=note)
    return response


def response_items_changed(*, report, by, reason: str) -> None:
    """The report's items changed (withdrawn, restored): the annex follows.
    (Filled in by the workflow work.)"""
    response = Response.objects.filter(report=report).first()
    if response is not None and response.status in EDITABLE_STATES:
        response_sync_annex(response=response)
