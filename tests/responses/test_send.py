"""Sending (s55(6)): the published PDF goes to HMICFRS and the Home Secretary, once unless the
sender confirms, and the app records when, to whom and under which Message-ID."""

import hashlib

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse

from core.errors import InvalidTransition
from responses import services
from responses.choices import ResponseStatus
from responses.models import Dispatch, Response
from responses.publication import AlreadySent, SendRefused, response_send
from tests.clock import on_the_day

from .test_publication import publish_approved

pytestmark = pytest.mark.django_db

RECIPIENTS = {"HMICFRS": "s55@hmicfrs.example", "Home Office": "s55@homeoffice.example"}


@pytest.fixture
def published(response_in, opcc_staff, media_root, settings):
    settings.S55_RECIPIENTS = RECIPIENTS
    settings.SITE_URL = "https://responses.opcc.example"
    return publish_approved(response_in, opcc_staff)


def send_page(client, user, response, **data):
    client.force_login(user)
    return client.post(reverse("responses:send", args=[response.pk]), data, follow=True)


def test_send_emails_the_pdf_to_both_recipients_and_records_it(client, opcc_staff, published):
    response = published.response
    page = send_page(client, opcc_staff, response)

    assert b"Sent to HMICFRS" in page.content
    (email,) = mail.outbox
    assert email.to == ["HMICFRS <s55@hmicfrs.example>", "Home Office <s55@homeoffice.example>"]
    assert email.subject == f"Section 55 response: {response.report.title}"
    (name, content, mimetype) = email.attachments[0]
    with published.pdf.open("rb") as stored:
        assert content == stored.read()
    assert mimetype == "application/pdf" and name.endswith("-v1.pdf")
    assert hashlib.sha256(content).hexdigest() == published.pdf_sha256
    assert f"https://responses.opcc.example/published/{published.pk}/" in email.body
    dispatch = Dispatch.objects.get()
    assert dispatch.message_id == email.extra_headers["Message-ID"]
    assert dispatch.message_id.endswith("@responses.opcc.example>")
    assert dispatch.recipients == email.to and dispatch.sent_by == opcc_staff
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.SENT
    # The response's page shows when, to whom and the Message-ID.
    detail = client.get(response.get_absolute_url())
    assert dispatch.message_id.encode().replace(b"<", b"&lt;").replace(b">", b"&gt;") in (
        detail.content
    )


def test_a_second_send_asks_for_confirmation_first(client, opcc_staff, published):
    response = published.response
    send_page(client, opcc_staff, response)
    again = send_page(client, opcc_staff, response)
    assert b"already sent on" in again.content and b"Nothing was saved" in again.content
    assert len(mail.outbox) == 1 and Dispatch.objects.count() == 1

    confirmed = send_page(client, opcc_staff, response, confirm_again="on")
    assert b"Sent to HMICFRS" in confirmed.content
    assert len(mail.outbox) == 2 and Dispatch.objects.count() == 2
    first, second = (m.extra_headers["Message-ID"] for m in mail.outbox)
    assert first != second


def test_nothing_is_sent_before_the_pdf_is_ready(response_in, opcc_staff, media_root):
    response = response_in(ResponseStatus.APPROVED)
    with on_the_day(response.letter_date):
        services.response_publish(
            response=response,
            by=opcc_staff,
            expected_version=response.lock_version,
            on=response.letter_date,
        )
    with pytest.raises(SendRefused, match="still being prepared"):
        response_send(response=response, by=opcc_staff)
    assert mail.outbox == [] and not Dispatch.objects.exists()


def test_an_unpublished_response_cannot_be_sent(response_in, opcc_staff, media_root):
    response = response_in(ResponseStatus.APPROVED)
    with pytest.raises(InvalidTransition):
        response_send(response=response, by=opcc_staff)
    assert mail.outbox == []


def test_only_the_office_sends(published, pcc, jasp, force_officer):
    for user in (pcc, jasp, force_officer):
        with pytest.raises(PermissionDenied):
            response_send(response=published.response, by=user, confirm_again=True)
    assert mail.outbox == [] and not Dispatch.objects.exists()


def test_a_failed_send_says_so_and_records_nothing(client, published, opcc_staff, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            # Nothing listens on the discard port: the connection is refused at once.
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    page = send_page(client, opcc_staff, published.response)
    assert page.status_code == 200
    assert b"could not be sent" in page.content and b"nothing was recorded" in page.content
    assert not Dispatch.objects.exists()
    assert Response.objects.get(pk=published.response_id).status == ResponseStatus.PUBLISHED


def test_an_already_sent_refusal_names_the_last_send(published, opcc_staff):
    response_send(response=published.response, by=opcc_staff)
    with pytest.raises(AlreadySent) as refusal:
        response_send(response=published.response, by=opcc_staff)
    assert refusal.value.last == Dispatch.objects.get()


def test_a_title_with_line_breaks_from_before_the_cleaning_still_sends(
    client, opcc_staff, published
):
    # A row written before titles were cleaned on the way in, straight into the table.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE inspections_report SET title = %s WHERE id = %s",
            ["PEEL\r\nBcc: someone@example.org\u202e", published.response.report_id],
        )
    page = send_page(client, opcc_staff, published.response)

    assert b"Sent to HMICFRS" in page.content
    (email,) = mail.outbox
    assert email.subject == "Section 55 response: PEEL Bcc: someone@example.org"
    assert "Bcc" not in email.message()


def test_a_recipient_the_mail_library_refuses_is_reported_on_the_page(
    client, opcc_staff, published, settings
):
    settings.S55_RECIPIENTS = {"HMICFRS": "s55@hmicfrs.example\r\nBcc: x@example.org"}
    page = send_page(client, opcc_staff, published.response)
    assert page.status_code == 200
    assert b"could not be sent" in page.content
    assert not Dispatch.objects.exists() and mail.outbox == []
