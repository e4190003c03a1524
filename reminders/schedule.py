"""What the ladders ask for, worked out from a subject's dates: pure functions, no queries.

A step has a `for_date` (the ladder's date: 7 days before, the day itself, the day after) and a
`remind_on` (when it goes). They differ only for a step planned late: an action recorded already
overdue gets its "overdue" step today, keyed by the date it was really for, so planning the same
subject again tomorrow finds the row it already wrote instead of reminding again.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings

from inspections.choices import FINISHED_STATUSES
from responses.choices import PUBLISHED_STATES, ResponseStatus

from .choices import LadderKind, ReminderKind

ONE_DAY = datetime.timedelta(days=1)
#: While the Chief Constable's comments are still awaited, a reminder of their date is useful.
CC_PENDING_STATES = (ResponseStatus.NOT_STARTED, ResponseStatus.CC_INVITED)


@dataclass(frozen=True)
class Step:
    kind: ReminderKind
    for_date: datetime.date
    remind_on: datetime.date
    deadline: datetime.date

    @property
    def key(self) -> tuple[str, datetime.date]:
        return (self.kind, self.for_date)


def send_time() -> datetime.time:
    return datetime.time.fromisoformat(settings.REMINDERS_SEND_AT)


def due_at(day: datetime.date) -> datetime.datetime:
    """The instant a reminder for `day` goes: the sending time on that day in Europe/London,
    whatever the offset is that day (GMT in winter, BST in summer)."""
    local = datetime.datetime.combine(day, send_time(), tzinfo=ZoneInfo(settings.TIME_ZONE))
    return local.astimezone(datetime.UTC)


def ladder_steps(ladder, kind, deadline: datetime.date, today: datetime.date) -> list[Step]:
    """The ladder's steps still to come for `deadline` (and a late overdue step, caught up)."""
    if ladder is None or not ladder.active:
        return []
    steps = []
    for days in ladder.offsets:
        day = deadline - datetime.timedelta(days=days)
        if day >= today:
            steps.append(Step(kind, day, day, deadline))
    if ladder.on_the_day and deadline >= today:
        steps.append(Step(kind, deadline, deadline, deadline))
    if ladder.when_overdue:
        steps += overdue_steps(kind, deadline, today, ladder.overdue_every_days)
    return steps


def overdue_steps(kind, deadline, today, every: int | None) -> list[Step]:
    first = deadline + ONE_DAY
    if first >= today or not every:
        return [Step(kind, first, max(first, today), deadline)]
    # Repeating and already under way: the latest step due by today (sent today if it has not
    # gone yet) and the next one; the scan chains each later step as the previous one goes.
    latest = first + datetime.timedelta(days=(today - first).days // every * every)
    following = latest + datetime.timedelta(days=every)
    return [Step(kind, latest, today, deadline), Step(kind, following, following, deadline)]


def action_steps(action, ladders: dict, today: datetime.date) -> list[Step]:
    if action.status in FINISHED_STATUSES or action.target_date is None:
        return []
    ladder = ladders.get(LadderKind.ACTION_TARGET)
    steps = ladder_steps(ladder, ReminderKind.ACTION_TARGET, action.target_date, today)
    if steps and ladder is not None and ladder.escalate_after_days:
        day = action.target_date + datetime.timedelta(days=ladder.escalate_after_days)
        steps.append(Step(ReminderKind.ACTION_ESCALATION, day, max(day, today), action.target_date))
    return steps


def response_is_published(response) -> bool:
    return response.status in PUBLISHED_STATES or response.published_on is not None


def response_steps(response, ladders: dict, today: datetime.date) -> list[Step]:
    if response_is_published(response):
        return []
    steps = []
    if response.due_on is not None:
        ladder = ladders.get(LadderKind.RESPONSE_DEADLINE)
        steps += ladder_steps(ladder, ReminderKind.RESPONSE_DEADLINE, response.due_on, today)
    if response.cc_due_on is not None and response.status in CC_PENDING_STATES:
        ladder = ladders.get(LadderKind.CC_COMMENTS)
        steps += ladder_steps(ladder, ReminderKind.CC_COMMENTS, response.cc_due_on, today)
    return steps


def action_withdrawn(action) -> bool:
    """An action of a withdrawn item or report is out of the register: nothing to remind of."""
    item = action.item
    return item.withdrawn_at is not None or item.report.withdrawn_at is not None


def response_withdrawn(response) -> bool:
    return response.report.withdrawn_at is not None


def still_due(reminder) -> bool:
    """Is the reminder still true of its subject now? Checked when it falls due and again when its
    email is written, so a hook that was missed (an edit in the admin) cannot send a wrong one."""
    if reminder.action_id:
        action = reminder.action
        if action_withdrawn(action):
            return False
        return action.status not in FINISHED_STATUSES and action.target_date == reminder.deadline
    response = reminder.response
    if response_is_published(response) or response_withdrawn(response):
        return False
    if reminder.kind == ReminderKind.CC_COMMENTS:
        return response.status in CC_PENDING_STATES and response.cc_due_on == reminder.deadline
    return response.due_on == reminder.deadline
