"""Reminders already due, in bulk, for the tests that run real workers and beat."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from inspections.choices import ActionStatus
from inspections.models import Action
from reminders.choices import ReminderKind
from reminders.models import Reminder
from tests.factories import ItemFactory


def due_reminders(count: int) -> None:
    """`count` actions, each owned by its own person, each with a reminder due a minute ago: one
    digest (one email) per person. Their report has no response, so that these are the only
    reminders there are (a response would add its own deadline's)."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"owner{n}", email=f"owner{n}@example.org") for n in range(count)
    )
    item = ItemFactory(report__response=None)
    target = timezone.localdate() + datetime.timedelta(days=7)
    actions = Action.objects.bulk_create(
        Action(
            item=item,
            description=f"Action {n}",
            owner_user=user,
            target_date=target,
            status=ActionStatus.IN_PROGRESS,
        )
        for n, user in enumerate(users)
    )
    today = timezone.localdate()
    Reminder.objects.bulk_create(
        Reminder(
            kind=ReminderKind.ACTION_TARGET,
            action=action,
            for_date=today,
            remind_on=today,
            due_at=timezone.now() - datetime.timedelta(minutes=1),
            deadline=target,
        )
        for action in actions
    )
