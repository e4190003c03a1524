"""One step of the loop at a time: a scan run twice writes nothing the second time, a digest is
claimed before it is sent, and a resend after a crash carries the same Message-ID."""

import datetime

import pytest
import time_machine
from django.db import connection

from inspections import services
from inspections.choices import ActionStatus
from reminders.choices import DigestState
from reminders.models import Delivery, Digest, Reminder
from reminders.scan import reminders_scan
from reminders.sending import digest_send
from tests.factories import ItemFactory

from .helpers import local

MONDAY = datetime.date(2026, 6, 1)


@pytest.fixture
def due_today(force_officer, settings):
    """An action whose target date is today, planned at 06:00: its reminder is due at 07:00."""
    settings.REMINDERS_LEASE_SECONDS = 60
    with time_machine.travel(local(MONDAY, datetime.time(6)), tick=False):
        return services.action_create(
            item=ItemFactory(report__title="PEEL 2026"),
            by=force_officer,
            description="Publish the stop and search data.",
            owner_user=force_officer,
            target_date=MONDAY,
            status=ActionStatus.IN_PROGRESS,
        )


def seven(minutes=0) -> datetime.datetime:
    return local(MONDAY, datetime.time(7, minutes))


def test_it_sends_nothing_before_the_sending_time(due_today):
    assert reminders_scan(now=seven() - datetime.timedelta(seconds=1)).to_send == []
    assert not Delivery.objects.exists()


def test_a_second_scan_writes_nothing(due_today):
    first = reminders_scan(now=seven())
    rows = [list(model.objects.values()) for model in (Reminder, Delivery, Digest)]

    second = reminders_scan(now=seven(1))

    assert len(first.to_send) == 1
    assert second.to_send == [] and second.dispatched == 0
    assert [list(model.objects.values()) for model in (Reminder, Delivery, Digest)] == rows


def test_the_email_names_the_action_its_date_the_days_left_and_links_to_it(
    due_today, mailoutbox, settings
):
    settings.SITE_URL = "https://pcc.example.org"
    [digest_id] = reminders_scan(now=seven()).to_send

    assert digest_send(digest_id=digest_id, now=seven()) == "sent"

    [message] = mailoutbox
    assert message.subject == (
        "Action target date: Recommendation "
        f"{due_today.item.reference} of PEEL 2026: Publish the stop and search data. "
        "(1 June 2026, due today)"
    )
    link = f"https://pcc.example.org{due_today.get_absolute_url()}"
    html = message.alternatives[0].content
    for body in (message.body, html):
        assert "Monday 1 June 2026" in body and "due today" in body and link in body
    assert message.extra_headers["Message-ID"] == Digest.objects.get().message_id


def test_a_claimed_digest_is_not_sent_by_a_second_worker(due_today, mailoutbox):
    [digest_id] = reminders_scan(now=seven()).to_send
    Digest.objects.filter(pk=digest_id).update(
        state=DigestState.SENDING, lease_until=seven(1), attempts=1
    )

    assert digest_send(digest_id=digest_id, now=seven()) == "not claimed"
    assert reminders_scan(now=seven()).to_send == []
    assert mailoutbox == []


def test_a_worker_killed_mid_send_is_replaced_after_its_lease_with_the_same_message_id(
    due_today, mailoutbox
):
    [digest_id] = reminders_scan(now=seven()).to_send
    # A worker claimed it, sent it, and died before recording that it had.
    Digest.objects.filter(pk=digest_id).update(
        state=DigestState.SENDING, lease_until=seven(1), attempts=1
    )
    message_id = Digest.objects.get().message_id

    assert reminders_scan(now=seven(1)).to_send == []  # the lease still holds
    assert reminders_scan(now=seven(2)).to_send == [digest_id]
    assert digest_send(digest_id=digest_id, now=seven(2)) == "sent"

    [message] = mailoutbox
    assert message.extra_headers["Message-ID"] == message_id
    assert Digest.objects.get().attempts == 2


def test_a_reminder_for_an_action_closed_after_it_fell_due_is_not_sent(
    due_today, force_officer, dcc, mailoutbox
):
    [digest_id] = reminders_scan(now=seven()).to_send
    # Closed behind the services' back (the admin, a script): the email is checked again.
    type(due_today).objects.filter(pk=due_today.pk).update(
        status=ActionStatus.CLOSED, closed_at=seven()
    )

    assert digest_send(digest_id=digest_id, now=seven()) == "nothing to send"
    assert Digest.objects.get().state == DigestState.CANCELLED
    assert mailoutbox == []


def test_a_reminder_whose_date_moved_without_the_services_is_cancelled_when_due(due_today):
    type(due_today).objects.filter(pk=due_today.pk).update(target_date=datetime.date(2026, 7, 1))

    result = reminders_scan(now=seven())

    assert result.to_send == [] and result.cancelled == 1


def test_the_subject_is_plain_text_on_one_line(due_today, mailoutbox):
    # An apostrophe stays an apostrophe (no HTML escaping); a line break in the description (a
    # long text) or the controls in an old title become spaces, never a second header.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE inspections_action SET description = %s WHERE id = %s",
            ["Don't\r\nBcc: x@example.org\u202e", due_today.pk],
        )
    [digest_id] = reminders_scan(now=seven()).to_send

    assert digest_send(digest_id=digest_id, now=seven()) == "sent"

    [message] = mailoutbox
    assert "Don't Bcc: x@example.org" in message.subject
    assert "&#x27;" not in message.subject and "\n" not in message.subject
