"""Every change to reminders outside the scan: planning a subject's reminders when its dates or
state change (called by the inspections and responses services), rebuilding every plan when a
ladder changes, and the calendar address."""

import datetime
import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.roles import READERS, Role, require_role, user_roles
from inspections.models import Action
from responses.choices import PUBLISHED_STATES
from responses.models import Response

from .choices import ReminderState
from .models import CalendarToken, Ladder, Reminder
from .schedule import (
    Step,
    action_steps,
    action_withdrawn,
    due_at,
    response_steps,
    response_withdrawn,
)

#: Who may keep a calendar address: everyone with a role but the read-only JASP member.
CALENDAR_KEEPERS = READERS - {Role.JASP}
_REBUILD_CHUNK = 2000


def ladders_by_kind() -> dict[str, Ladder]:
    return {ladder.kind: ladder for ladder in Ladder.objects.all()}


def _reminder(step: Step, subject: dict) -> Reminder:
    return Reminder(
        kind=step.kind,
        for_date=step.for_date,
        remind_on=step.remind_on,
        due_at=due_at(step.remind_on),
        deadline=step.deadline,
        **subject,
    )


def _sync(existing: QuerySet[Reminder], steps: list[Step], subject: dict) -> None:
    """Make the subject's scheduled rows match `steps`: drop the unwanted, move the changed, add
    the new. A step whose key was already sent stays sent (the insert skips it)."""
    wanted = {step.key: step for step in steps}
    scheduled = {(r.kind, r.for_date): r for r in existing.filter(state=ReminderState.SCHEDULED)}
    unwanted = [r.pk for key, r in scheduled.items() if key not in wanted]
    if unwanted:
        Reminder.objects.filter(pk__in=unwanted, state=ReminderState.SCHEDULED).delete()
    for key, row in scheduled.items():
        step = wanted.get(key)
        if step and (row.remind_on, row.deadline) != (step.remind_on, step.deadline):
            Reminder.objects.filter(pk=row.pk, state=ReminderState.SCHEDULED).update(
                remind_on=step.remind_on, due_at=due_at(step.remind_on), deadline=step.deadline
            )
    new = [_reminder(step, subject) for key, step in wanted.items() if key not in scheduled]
    Reminder.objects.bulk_create(new, ignore_conflicts=True)


@transaction.atomic
def reminders_refresh_for_action(*, action: Action, today: datetime.date | None = None) -> None:
    """The action's target date or status changed (or it is new): plan its reminders again."""
    today = today or timezone.localdate()
    steps = [] if action_withdrawn(action) else action_steps(action, ladders_by_kind(), today)
    _sync(Reminder.objects.filter(action=action), steps, {"action": action})


@transaction.atomic
def reminders_refresh_for_response(
    *, response: Response, today: datetime.date | None = None
) -> None:
    """The response's deadlines or state changed: plan its reminders again (none once published)."""
    today = today or timezone.localdate()
    withdrawn = response_withdrawn(response)
    steps = [] if withdrawn else response_steps(response, ladders_by_kind(), today)
    _sync(Reminder.objects.filter(response=response), steps, {"response": response})


@transaction.atomic
def reminders_rebuild_all(*, today: datetime.date | None = None) -> int:
    """Plan every open subject again from the ladders (after an admin edits one). Unsent rows are
    replaced; sent ones keep their keys, so nothing already sent goes again."""
    today = today or timezone.localdate()
    ladders = ladders_by_kind()
    Reminder.objects.filter(state=ReminderState.SCHEDULED).delete()
    written = 0
    actions = (
        Action.objects.unfinished()
        .filter(target_date__isnull=False)
        .only("pk", "status", "target_date")
    )
    # Action.objects leaves out the actions of withdrawn items and reports; responses are told.
    responses = Response.objects.exclude(status__in=PUBLISHED_STATES).filter(
        report__withdrawn_at__isnull=True
    )
    responses = responses.only("pk", "status", "due_on", "cc_due_on", "published_on")
    for rows, plan, field in (
        (actions, action_steps, "action"),
        (responses, response_steps, "response"),
    ):
        batch = []
        for subject in rows.iterator(chunk_size=_REBUILD_CHUNK):
            batch += [_reminder(step, {field: subject}) for step in plan(subject, ladders, today)]
            if len(batch) >= _REBUILD_CHUNK:
                written += len(Reminder.objects.bulk_create(batch, ignore_conflicts=True))
                batch = []
        written += len(Reminder.objects.bulk_create(batch, ignore_conflicts=True))
    return written


# --- The calendar address ----------------------------------------------------------------------


@transaction.atomic
def calendar_token_issue(*, user: User) -> str:
    """A new private address for the user's calendar; any old one stops working at once.
    Returns the token, which is stored only as its hash: the caller shows it once."""
    require_role(user, CALENDAR_KEEPERS)
    CalendarToken.objects.filter(user=user).delete()
    token = secrets.token_urlsafe(32)
    CalendarToken.objects.create(user=user, token_sha256=CalendarToken.digest(token))
    return token


@transaction.atomic
def calendar_token_revoke(*, user: User) -> None:
    require_role(user, CALENDAR_KEEPERS)
    CalendarToken.objects.filter(user=user).delete()


def calendar_token_follow_access(*, user: User) -> None:
    """accounts.hooks.access_changed: a deactivated user, or one left with no role, keeps no
    calendar address (a role that remains keeps it)."""
    if not user.is_active or not user_roles(user):
        CalendarToken.objects.filter(user=user).delete()
