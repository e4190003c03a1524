"""Reminders: the ladders an admin edits, the reminder rows the scan sends, and the digests that
carry them. See docs/decisions/0004-reminders.md for the delivery guarantee."""

import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from core.constraints import one_of
from core.fields import LineField
from inspections.models import Action
from responses.models import Response

from .choices import (
    ACTION_KINDS,
    RESPONSE_KINDS,
    DigestKind,
    DigestState,
    LadderKind,
    ReminderKind,
    ReminderState,
)

_DAYS_LIST = re.compile(r"^\s*(\d{1,3}\s*(,\s*\d{1,3}\s*)*)?$")


def validate_days_list(value: str) -> None:
    if not _DAYS_LIST.match(value) or any(d == 0 for d in parse_days(value)):
        raise ValidationError(
            'Write whole numbers of days above zero, separated by commas: "7, 1".'
        )


def parse_days(value: str) -> list[int]:
    """ "28, 14, 7" -> [28, 14, 7]; the order written does not matter."""
    return sorted({int(part) for part in value.split(",") if part.strip()}, reverse=True)


class Ladder(models.Model):
    """When to remind about one kind of date. One row per kind, made by a migration."""

    kind = LineField(max_length=32, choices=LadderKind.choices, unique=True)
    active = models.BooleanField(default=True, help_text="Untick to send none of these.")
    # Required, so an empty form cannot silently switch a ladder off (untick "active" for that).
    days_before = LineField(
        max_length=100,
        validators=[validate_days_list],
        help_text='Days before the date, separated by commas, e.g. "28, 14, 7, 3, 1".',
    )
    on_the_day = models.BooleanField(default=True)
    when_overdue = models.BooleanField("once overdue", default=True)
    overdue_every_days = models.PositiveSmallIntegerField(
        "then again every (days)",
        null=True,
        blank=True,
        help_text="Blank: one reminder when it becomes overdue. 7: weekly until done.",
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        "escalate to the DCC after (days overdue)",
        null=True,
        blank=True,
        help_text="Force actions only. Blank: never escalate.",
    )

    class Meta:
        ordering = ["kind"]
        constraints = [
            one_of("ladder", "kind", LadderKind),
            models.CheckConstraint(
                condition=Q(overdue_every_days__isnull=True) | Q(overdue_every_days__gte=1),
                name="ladder_repeat_at_least_daily",
            ),
            models.CheckConstraint(
                condition=Q(escalate_after_days__isnull=True)
                | Q(kind=LadderKind.ACTION_TARGET, escalate_after_days__gte=1),
                name="ladder_only_actions_escalate",
            ),
        ]

    def __str__(self):
        return self.get_kind_display()

    @property
    def offsets(self) -> list[int]:
        return parse_days(self.days_before)


class Reminder(models.Model):
    """One reminder about one response or action: the unique key is (subject, kind, for_date),
    so however many scans run, a reminder is written once and sent once."""

    kind = LineField(max_length=32, choices=ReminderKind.choices)
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    #: The ladder's date for this step (part of the key); a step planned late goes on remind_on.
    for_date = models.DateField()
    remind_on = models.DateField()
    #: remind_on at the sending time, Europe/London, stored as an instant: what the scan asks.
    due_at = models.DateTimeField()
    #: The date reminded about, as planned; checked again against the subject when it falls due.
    deadline = models.DateField()
    state = LineField(max_length=16, choices=ReminderState.choices, default=ReminderState.SCHEDULED)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            one_of("reminder", "kind", ReminderKind),
            one_of("reminder", "state", ReminderState),
            models.UniqueConstraint(
                fields=["response", "kind", "for_date"],
                condition=Q(response__isnull=False),
                name="reminder_unique_per_response_kind_date",
            ),
            models.UniqueConstraint(
                fields=["action", "kind", "for_date"],
                condition=Q(action__isnull=False),
                name="reminder_unique_per_action_kind_date",
            ),
            models.CheckConstraint(
                condition=Q(response__isnull=False, action__isnull=True, kind__in=RESPONSE_KINDS)
                | Q(response__isnull=True, action__isnull=False, kind__in=ACTION_KINDS),
                name="reminder_about_one_subject_of_its_kind",
            ),
            models.CheckConstraint(
                condition=Q(remind_on__gte=models.F("for_date")),
                name="reminder_never_before_its_step",
            ),
            models.CheckConstraint(
                condition=Q(state=ReminderState.DISPATCHED, dispatched_at__isnull=False)
                | (~Q(state=ReminderState.DISPATCHED) & Q(dispatched_at__isnull=True)),
                name="reminder_dispatched_iff_dispatched_at",
            ),
        ]
        indexes = [
            # The scan's one question: what is scheduled and due by now? Only live rows indexed.
            models.Index(
                fields=["due_at"],
                condition=Q(state=ReminderState.SCHEDULED),
                name="reminder_scheduled_due_at",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.remind_on} (for {self.deadline})"

    @property
    def subject(self):
        return self.response if self.response_id else self.action

    @property
    def subject_title(self) -> str:
        if self.response is not None:
            return f"Response to {self.response.report.title}"
        # The constraint reminder_about_one_subject_of_its_kind: no response, so an action.
        action = self.action
        assert action is not None
        return f"{action.item} of {action.item.report.title}: {action.description}"

    def get_subject_url(self) -> str:
        return self.subject.get_absolute_url()

    @property
    def offset_days(self) -> int:
        """Days before the deadline this step was planned for (negative once overdue)."""
        return (self.deadline - self.for_date).days


class Digest(models.Model):
    """One email to one person: at most one daily digest a day, plus at most one prompt for what
    fell due after it went. Claimed with a lease before it is sent; its Message-ID is chosen when
    the row is written, so a resend after a crash carries the same one."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField()
    kind = LineField(max_length=16, choices=DigestKind.choices, default=DigestKind.DAILY)
    message_id = LineField(max_length=200, unique=True)
    state = LineField(max_length=16, choices=DigestState.choices, default=DigestState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    lease_until = models.DateTimeField(null=True, blank=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "pk"]
        constraints = [
            one_of("digest", "kind", DigestKind),
            one_of("digest", "state", DigestState),
            models.UniqueConstraint(
                fields=["recipient", "day", "kind"], name="digest_one_per_person_day_kind"
            ),
            models.CheckConstraint(
                condition=Q(state=DigestState.SENT, sent_at__isnull=False)
                | (~Q(state=DigestState.SENT) & Q(sent_at__isnull=True)),
                name="digest_sent_iff_sent_at",
            ),
            models.CheckConstraint(
                condition=~Q(state=DigestState.SENDING) | Q(lease_until__isnull=False),
                name="digest_claim_has_lease",
            ),
        ]
        indexes = [
            models.Index(
                fields=["state", "lease_until"],
                condition=Q(state__in=[DigestState.PENDING, DigestState.SENDING]),
                name="digest_open_by_lease",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.recipient} on {self.day}"


class Delivery(models.Model):
    """A reminder for one recipient, put into one of their digests."""

    reminder = models.ForeignKey(Reminder, on_delete=models.CASCADE, related_name="deliveries")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_deliveries"
    )
    digest = models.ForeignKey(
        Digest, on_delete=models.PROTECT, null=True, blank=True, related_name="deliveries"
    )
    #: Due today, overdue or escalated: may go in a prompt after the day's digest has gone.
    urgent = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["reminder", "recipient"], name="delivery_once_per_recipient"
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient"],
                condition=Q(digest__isnull=True),
                name="delivery_waiting_for_digest",
            ),
        ]

    def __str__(self):
        return f"{self.reminder} for {self.recipient}"


class CalendarToken(models.Model):
    """The secret in a user's calendar address, kept only as its SHA-256: the address is shown
    once, when it is made, and a copy of the database opens no one's calendar. Revoking deletes
    the row; a new one is a new address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token_sha256 = LineField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(token_sha256__regex=r"^[0-9a-f]{64}$"),
                name="calendar_token_is_a_sha256",
            ),
        ]

    def __str__(self):
        return f"Calendar address of {self.user}"

    @staticmethod
    def digest(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()
