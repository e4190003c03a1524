"""The vocabularies of reminders: what a reminder is about, and where each row stands."""

from django.db import models


class LadderKind(models.TextChoices):
    """The dates a ladder counts towards; each has one ladder, edited by an admin."""

    RESPONSE_DEADLINE = "response_deadline", "Section 55 response: the statutory deadline"
    CC_COMMENTS = "cc_comments", "Section 55 response: the Chief Constable's comments"
    ACTION_TARGET = "action_target", "Force action: its target date"


class ReminderKind(models.TextChoices):
    RESPONSE_DEADLINE = "response_deadline", "Statutory deadline"
    CC_COMMENTS = "cc_comments", "Chief Constable's comments due"
    ACTION_TARGET = "action_target", "Action target date"
    ACTION_ESCALATION = "action_escalation", "Overdue action escalated to the DCC"


#: Reminder kinds about a response (the rest are about a force action).
RESPONSE_KINDS = (ReminderKind.RESPONSE_DEADLINE, ReminderKind.CC_COMMENTS)
ACTION_KINDS = (ReminderKind.ACTION_TARGET, ReminderKind.ACTION_ESCALATION)


class ReminderState(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    #: Handed to its recipients' digests (the Delivery rows exist).
    DISPATCHED = "dispatched", "Dispatched"
    #: Found out of date when it fell due (the subject closed or its date moved).
    CANCELLED = "cancelled", "Cancelled"


class DigestKind(models.TextChoices):
    DAILY = "daily", "Daily digest"
    #: What falls due today or is overdue after the day's digest went: sent at once.
    PROMPT = "prompt", "Due today or overdue"


class DigestState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Claimed by a worker"
    SENT = "sent", "Sent"
    #: Everything in it was out of date by the time it was claimed: nothing to send.
    CANCELLED = "cancelled", "Nothing left to send"
    FAILED = "failed", "Given up after repeated failures"
