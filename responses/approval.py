"""Submission, the PCC's approval and publication (s55(5)). Approval fixes exactly what the PCC
approved, the letter and annex as rendered with the report and item text they quote, as an
`Approval` with its SHA-256; publishing publishes that HTML byte for byte and nothing else.
Anything that would change it afterwards sends the response back (following.py)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

import audit
from audit.models import AuditKind

from .annex import response_sync_annex
from .choices import ResponseStatus
from .letter import render_letter
from .models import SENT_BACK_PREFIX, Approval, PublishedVersion, Response
from .publication import publish_version, sha256
from .richtext import is_blank
from .saving import save_response
from .versions import snapshot
from .workflow import RESPONSES


def _not_approved(response: Response) -> None:
    response.approved_at = response.approved_by = response.approval = None


@transaction.atomic
def response_submit_for_approval(*, response: Response, by, expected_version: int) -> Response:
    RESPONSES.check("submit", response, by)
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = timezone.now()
    response.returned_comments = ""
    save_response(
        response, by=by, expected_version=expected_version, note="Submitted for approval."
    )
    return response


@transaction.atomic
def response_approve(
    *, response: Response, by, expected_version: int, approved_at: datetime.datetime | None = None
) -> Response:
    """The PCC approves what they see: the letter as rendered now is fixed with its hash.
    `approved_at` is for an approval taken from the office's files (the demo): never later
    than now; the Approval keeps when it was recorded too."""
    RESPONSES.check("approve", response, by)
    now = timezone.now()
    response.status = ResponseStatus.APPROVED
    response.approved_at = min(approved_at or now, now)
    response.approved_by = by
    letter = str(render_letter(response=response))
    response.approval = Approval.objects.create(
        response=response,
        content=snapshot(response),
        approved_by=by,
        approved_at=response.approved_at,
        letter_html=letter,
        letter_sha256=sha256(letter.encode()),
    )
    save_response(response, by=by, expected_version=expected_version, note="Approved by the PCC.")
    audit.record(
        AuditKind.APPROVAL,
        actor=by,
        obj=response,
        approval_id=response.approval.pk,
        letter_sha256=response.approval.letter_sha256,
    )
    return response


@transaction.atomic
def response_return(*, response: Response, by, expected_version: int, comments: str) -> Response:
    """The PCC sends it back for changes: when submitted, or approved but not yet published."""
    RESPONSES.check("return", response, by)
    if is_blank(comments):
        raise ValidationError({"comments": "Say what needs to change."})
    response.status = ResponseStatus.DRAFTING
    response.returned_comments = comments.strip()
    _not_approved(response)
    save_response(response, by=by, expected_version=expected_version, note="Returned by the PCC.")
    return response


def send_back_for_approval(*, response: Response, by, reason: str) -> None:
    """Something the submitted or approved response quotes has changed: it goes back to the
    office, visibly, with the reason, and the PCC approves it again (and can compare)."""
    response.status = ResponseStatus.DRAFTING
    response.returned_comments = f"{SENT_BACK_PREFIX}{reason}"
    _not_approved(response)
    response_sync_annex(response=response)
    save_response(response, by=by, note=f"Sent back for approval: {reason}"[:200])


def _check_publication_date(response: Response, on: datetime.date, late_reason: str) -> None:
    today = timezone.localdate()
    report_published = response.report.published_on
    approval = response.approval
    assert approval is not None  # response_approved_has_approval: submit checked it was approved
    approved_on = timezone.localdate(approval.approved_at)
    if on > today:
        raise ValidationError({"published_on": "This date is in the future."})
    if on < report_published:
        raise ValidationError(
            {
                "published_on": "The response cannot be published before the report "
                f"({report_published:%-d %B %Y})."
            }
        )
    if on < approved_on:
        raise ValidationError(
            {
                "published_on": "The response cannot be published before the PCC approved it "
                f"({approved_on:%-d %B %Y})."
            }
        )
    if on < today and is_blank(late_reason):
        raise ValidationError(
            {"late_reason": "This date is before today: say why it is recorded late."}
        )


@transaction.atomic
def response_publish(
    *, response: Response, by, expected_version: int, on: datetime.date, late_reason: str = ""
) -> PublishedVersion:
    """Publish the approved response (s55(5)): freeze exactly what the PCC approved as its next
    published version, whose PDF a background job renders. The first publication's date is
    the statutory record; a date before today is recorded late, with the reason."""
    RESPONSES.check("publish", response, by)
    _check_publication_date(response, on, late_reason)
    response.status = ResponseStatus.PUBLISHED
    response.published_on = response.published_on or on
    content = save_response(response, by=by, expected_version=expected_version, note="Published.")
    reason = late_reason.strip() if on < timezone.localdate() else ""
    version = publish_version(response=response, by=by, on=on, content=content, late_reason=reason)
    audit.record(
        AuditKind.PUBLICATION,
        actor=by,
        obj=response,
        version=version.number,
        published_on=on,
        html_sha256=version.html_sha256,
    )
    return version


@transaction.atomic
def response_reopen_for_correction(
    *, response: Response, by, expected_version: int, reason: str
) -> Response:
    """Reopen a published response to correct it. The published versions stay as they are;
    the corrected response goes through approval again and is published as a new version."""
    RESPONSES.check("reopen", response, by)
    if is_blank(reason):
        raise ValidationError("Say what needs correcting.", code="reason_required")
    response.status = ResponseStatus.DRAFTING
    _not_approved(response)
    note = f"Reopened for correction: {reason.strip()}"[:200]
    save_response(response, by=by, expected_version=expected_version, note=note)
    audit.record(AuditKind.CORRECTION, actor=by, obj=response, reason=reason.strip()[:500])
    return response
