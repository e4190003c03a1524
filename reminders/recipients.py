"""Who gets each kind of reminder, in one place: the scan asks it who to send to, and the "My
reminders" page asks it which reminders are the reader's."""

from functools import cached_property

from django.db.models import Q

from accounts.roles import Role, user_roles, users_with_roles

from .choices import RESPONSE_KINDS, ReminderKind


class Recipients:
    """Answers for a batch of due reminders, with the two role lists fetched once, when needed.

    Responses: their owner and every OPCC staff member. Actions: their owner's account; an
    escalation goes to the DCC. Only active users with an email address are sent anything.
    """

    @cached_property
    def opcc_staff(self) -> list[int]:
        return self._with_role(Role.OPCC_STAFF)

    @cached_property
    def dccs(self) -> list[int]:
        return self._with_role(Role.DCC)

    @staticmethod
    def _with_role(role: Role) -> list[int]:
        return list(users_with_roles({role}).exclude(email="").values_list("pk", flat=True))

    def for_reminder(self, reminder) -> list[int]:
        if reminder.kind in RESPONSE_KINDS:
            owner = reminder.response.owner
            people = [owner.pk] if _reachable(owner) else []
            return sorted(set(people + self.opcc_staff))
        if reminder.kind == ReminderKind.ACTION_ESCALATION:
            return self.dccs
        owner = reminder.action.owner_user
        return [owner.pk] if _reachable(owner) else []


def _reachable(user) -> bool:
    return user is not None and user.is_active and bool(user.email)


def reminders_for_user_q(user) -> Q:
    """The reminders `user` is (or would be) sent, as a filter on Reminder."""
    roles = user_roles(user)
    mine = Q(kind__in=RESPONSE_KINDS, response__owner=user)
    if Role.OPCC_STAFF in roles:
        mine = Q(kind__in=RESPONSE_KINDS)
    mine |= Q(kind=ReminderKind.ACTION_TARGET, action__owner_user=user)
    if Role.DCC in roles:
        mine |= Q(kind=ReminderKind.ACTION_ESCALATION)
    return mine
