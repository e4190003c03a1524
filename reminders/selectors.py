"""Every read for the reminders pages and the calendar feed: a fixed number of queries each."""

from django.contrib.auth.models import User
from django.db.models import Q

from accounts.roles import Role, user_roles
from inspections.models import Action
from responses.choices import PUBLISHED_STATES
from responses.models import Response

from .choices import DigestState, ReminderState
from .models import CalendarToken, Delivery, Reminder
from .recipients import reminders_for_user_q
from .schedule import CC_PENDING_STATES

#: How many rows each list on the page shows (newest or soonest first).
PAGE_ROWS = 50
#: A calendar feed is bounded too; no one has this many deadlines of their own.
FEED_ROWS = 1000

_SUBJECT = ("response__report", "action__item__report")


def upcoming_reminders(*, user: User) -> list[Reminder]:
    return list(
        Reminder.objects.filter(state=ReminderState.SCHEDULED)
        .filter(reminders_for_user_q(user))
        .select_related(*_SUBJECT)
        .order_by("due_at", "pk")[:PAGE_ROWS]
    )


def sent_deliveries(*, user: User) -> list[Delivery]:
    return list(
        Delivery.objects.filter(recipient=user, digest__state=DigestState.SENT)
        .select_related("digest", *(f"reminder__{path}" for path in _SUBJECT))
        .order_by("-digest__sent_at", "-pk")[:PAGE_ROWS]
    )


def calendar_token_for(*, user: User) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user).first()


def user_for_calendar_token(*, token: str) -> User | None:
    """The user whose address this is, if it still opens: an active user with a role. (Losing
    them revokes the address, accounts.hooks.access_changed; this holds even if that missed.)"""
    found = (
        CalendarToken.objects.filter(token_sha256=CalendarToken.digest(token))
        .select_related("user")
        .first()
    )
    if found is None or not found.user.is_active or not user_roles(found.user):
        return None
    return found.user


def calendar_responses(*, user: User) -> list[Response]:
    """Open responses the user is reminded about: all of them for OPCC staff, else their own."""
    # A withdrawn report's response is out of the register: not in anyone's calendar.
    responses = Response.objects.exclude(status__in=PUBLISHED_STATES).filter(
        published_on__isnull=True, report__withdrawn_at__isnull=True
    )
    if Role.OPCC_STAFF not in user_roles(user):
        responses = responses.filter(owner=user)
    due = Q(due_on__isnull=False) | Q(cc_due_on__isnull=False, status__in=CC_PENDING_STATES)
    return list(responses.filter(due).select_related("report").order_by("due_on")[:FEED_ROWS])


def calendar_actions(*, user: User) -> list[Action]:
    return list(
        Action.objects.filter(owner_user=user, target_date__isnull=False)
        .unfinished()
        .select_related("item__report")
        .order_by("target_date", "pk")[:FEED_ROWS]
    )
