"""Sending one digest: claim it with a lease, write the email from its deliveries, send it with
the Message-ID chosen when the digest was written, then record it as sent.

A worker killed after the claim leaves the digest claimed until the lease runs out; the scan then
hands it to another worker, which sends the same deliveries with the same Message-ID. Only a crash
between the SMTP server accepting the email and the "sent" update can repeat a message, and the
repeat is recognisably the same message.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.plaintext import single_line
from core.site import absolute_url

from .choices import DigestState, ReminderKind
from .models import Digest
from .schedule import still_due

log = logging.getLogger(__name__)

#: What each kind of reminder is about, as the email says it.
WHAT = {
    ReminderKind.RESPONSE_DEADLINE: "Statutory deadline (s55 Police Act 1996)",
    ReminderKind.CC_COMMENTS: "The Chief Constable's comments are due",
    ReminderKind.ACTION_TARGET: "Action target date",
    ReminderKind.ACTION_ESCALATION: "Escalated to the DCC: action overdue",
}


@dataclass(frozen=True)
class Entry:
    """One line of a digest: what, which date, how many days left, and where to look."""

    what: str
    title: str
    date: datetime.date
    days_left: int
    url: str

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return -self.days_left

    @property
    def when(self) -> str:
        if self.days_left == 0:
            return "due today"
        if self.days_left > 0:
            return f"{self.days_left} day{'s' if self.days_left != 1 else ''} left"
        return f"{self.days_overdue} day{'s' if self.days_overdue != 1 else ''} overdue"


def digest_send(*, digest_id: int, now: datetime.datetime | None = None) -> str:
    """Returns what happened: "sent", "not claimed", "nothing to send" or "failed"."""
    now = now or timezone.now()
    lease = datetime.timedelta(seconds=settings.REMINDERS_LEASE_SECONDS)
    claimed = (
        Digest.objects.filter(pk=digest_id)
        .filter(Q(state=DigestState.PENDING) | Q(state=DigestState.SENDING, lease_until__lt=now))
        .update(state=DigestState.SENDING, lease_until=now + lease, attempts=F("attempts") + 1)
    )
    if not claimed:
        return "not claimed"
    digest = Digest.objects.select_related("recipient").get(pk=digest_id)
    # The attempt number fences the claim: only this attempt may record the outcome.
    mine = Digest.objects.filter(pk=digest_id, state=DigestState.SENDING, attempts=digest.attempts)
    if digest.attempts > settings.REMINDERS_MAX_ATTEMPTS:
        log.error("Giving up on reminder digest %s after %s attempts", digest_id, digest.attempts)
        mine.update(state=DigestState.FAILED, lease_until=None)
        return "failed"
    entries = digest_entries(digest)
    if not entries:
        mine.update(state=DigestState.CANCELLED, lease_until=None)
        return "nothing to send"
    digest_message(digest, entries).send()
    mine.update(state=DigestState.SENT, sent_at=timezone.now(), lease_until=None)
    return "sent"


def digest_entries(digest: Digest) -> list[Entry]:
    deliveries = digest.deliveries.select_related(
        "reminder__response__report", "reminder__action__item__report"
    )
    entries = [entry_for(d.reminder, digest.day) for d in deliveries if still_due(d.reminder)]
    return sorted(entries, key=lambda e: (e.days_left, e.title))


def entry_for(reminder, day: datetime.date) -> Entry:
    url = absolute_url(reminder.get_subject_url())
    return Entry(
        WHAT[reminder.kind],
        reminder.subject_title,
        reminder.deadline,
        (reminder.deadline - day).days,
        url,
    )


def digest_message(digest: Digest, entries: list[Entry]) -> EmailMultiAlternatives:
    context = {
        "recipient": digest.recipient,
        "digest": digest,
        "entries": entries,
        "overdue": sum(e.overdue for e in entries),
        "due_today": sum(e.days_left == 0 for e in entries),
        "mine_url": absolute_url(reverse("reminders:mine")),
    }
    subject = render_to_string("emails/reminder_digest_subject.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(single_line(subject).split()),
        body=render_to_string("emails/reminder_digest.txt", context),
        to=[digest.recipient.email],
        headers={"Message-ID": digest.message_id},
    )
    message.attach_alternative(
        render_to_string("emails/reminder_digest.html", context), "text/html"
    )
    return message
