"""What the action service tests share: three target dates and an action created or closed
the quick way."""

import datetime

from django.utils import timezone

from inspections import services
from inspections.choices import ActionStatus
from inspections.models import Action

JUNE = datetime.date(2030, 6, 30)


SEPTEMBER = datetime.date(2030, 9, 30)


DECEMBER = datetime.date(2030, 12, 31)


def new_action(item, by, **fields):
    return services.action_create(
        item=item,
        by=by,
        description=fields.pop("description", "Review the missing children protocol."),
        **fields,
    )


def close(action):
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.CLOSED, closed_at=timezone.now())
    action.refresh_from_db()
