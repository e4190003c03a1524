"""Publication and dispatch (s55(5) and (6)): each publication freezes a new version of the
response as an accessible HTML document and a PDF, each with its SHA-256; sending emails the
PDF to HMICFRS and the Home Secretary and records when, to whom and under which Message-ID.

A published version is never altered (a database trigger refuses it, migration 0004): a
correction is reopened, approved again and published as the next version.
"""

import hashlib
import logging
import smtplib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

import audit
from audit.models import AuditKind
from core.plaintext import single_line
from core.site import absolute_url, mail_domain

from . import pdf, rendering
from .choices import ResponseStatus
from .letter import document_context
from .models import Approval, Dispatch, PublishedVersion, Response, ResponseVersion
from .workflow import RESPONSES

log = logging.getLogger(__name__)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plain_static_url(name: str) -> str:
    return settings.STATIC_URL.rstrip("/") + "/" + name


def published_document(*, approval: Approval, number: int, on) -> str:
    """The published version as a complete, accessible HTML document around the letter exactly
    as the PCC approved it, with no script and no inline style. Its PDF link is relative to its
    own address (/published/<pk>/), which is not known until the version is stored."""
    response = approval.response
    return render_to_string(
        "responses/published/document.html",
        document_context(response=response, letter_html=approval.letter_html)
        | {
            "number": number,
            "published_on": on,
            # Plain names, never hashed ones: the document outlives any deployment's files.
            "stylesheets": [
                plain_static_url("css/letter.css"),
                plain_static_url("css/published.css"),
            ],
        },
    )


def publish_version(
    *, response: Response, by, on, content: ResponseVersion, late_reason: str = ""
) -> PublishedVersion:
    """Freeze the approved letter as the response's next published version, and ask for its
    PDF. Called by services.response_publish, inside its transaction and its lock."""
    approval = response.approval
    assert approval is not None  # response_approved_has_approval: only an approved one publishes
    number = (response.published_versions.aggregate(last=Max("number"))["last"] or 0) + 1
    html = published_document(approval=approval, number=number, on=on)
    version = PublishedVersion.objects.create(
        response=response,
        number=number,
        published_on=on,
        published_by=by,
        content=content,
        approval=approval,
        recorded_late_reason=late_reason,
        html=html,
        html_sha256=sha256(html.encode()),
    )
    rendering.request_publication_pdf(
        version=version,
        source_html=pdf.response_pdf_html(
            response=response, draft=False, letter_html=approval.letter_html
        ),
        by=by,
    )
    return version


# --- Sending -----------------------------------------------------------------------------------


class SendRefused(ValidationError):
    pass


class AlreadySent(SendRefused):
    """This version has been sent before: sending again needs the sender's confirmation."""

    def __init__(self, last: Dispatch):
        self.last = last
        when = timezone.localtime(last.sent_at)
        super().__init__(
            f"This version was already sent on {when:%-d %B %Y} at {when:%H:%M}. Tick the box "
            "to confirm you mean to send it again.",
            code="already_sent",
        )


def recipients() -> list[str]:
    """The statutory recipients from the settings, as "Name <address>"."""
    return [f"{name} <{address}>" for name, address in settings.S55_RECIPIENTS.items()]


def _email(version: PublishedVersion, message_id: str) -> EmailMessage:
    response = version.response
    public_url = absolute_url(reverse("public:version", args=[version.pk]))
    body = render_to_string(
        "responses/published/dispatch_email.txt",
        {"version": version, "report": response.report, "public_url": public_url},
    )
    message = EmailMessage(
        # The title is stored clean (core.fields.LineField); cleaned again for older rows.
        subject=single_line(f"Section 55 response: {response.report.title}")[:250],
        body=body,
        to=recipients(),
        headers={"Message-ID": message_id},
    )
    name = f"s55-response-{response.report_id}-v{version.number}.pdf"
    with version.pdf.open("rb") as stored:
        message.attach(name, stored.read(), "application/pdf")
    return message


def latest_version(response: Response) -> PublishedVersion | None:
    return response.published_versions.order_by("-number").first()


@transaction.atomic
def response_send(*, response: Response, by, confirm_again: bool = False) -> Dispatch:
    """Email the latest published version's PDF to HMICFRS and the Home Secretary (s55(6)).
    The response row is locked while this runs, so two senders cannot both send unknowingly."""
    response = Response.objects.select_for_update().select_related("report").get(pk=response.pk)
    RESPONSES.check("send", response, by)
    version = latest_version(response)
    if version is None or not version.pdf_ready:
        raise SendRefused(
            "The PDF of this version is still being prepared; send it once it is ready."
        )
    last = version.dispatches.order_by("-sent_at").first()
    if last is not None and not confirm_again:
        raise AlreadySent(last)
    message_id = make_msgid(idstring=f"s55-{response.pk}-v{version.number}", domain=mail_domain())
    try:
        _email(version, message_id).send()
    # ValueError: a header the mail library refuses; OSError: no route to the server.
    except (OSError, ValueError, smtplib.SMTPException) as failure:
        log.warning("sending response %s failed: %s", response.pk, failure)
        raise SendRefused(
            "The email could not be sent (the mail server did not accept it), so nothing was "
            "recorded. Try again later, and tell your administrator if it keeps failing.",
            code="mail_failed",
        ) from failure
    dispatch = Dispatch.objects.create(
        version=version, sent_by=by, recipients=recipients(), message_id=message_id
    )
    Response.objects.filter(pk=response.pk).update(
        status=ResponseStatus.SENT, lock_version=response.lock_version + 1
    )
    audit.record(
        AuditKind.DISPATCH,
        actor=by,
        obj=response,
        version=version.number,
        recipients=dispatch.recipients,
        message_id=message_id,
    )
    return dispatch
