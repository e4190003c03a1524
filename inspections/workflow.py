"""State machines declared once: each transition's source states, target, roles, guard, label
and URL. Services call `check` before they move anything, views take their roles and states
from the same entry, the detail pages draw their buttons from `available`, and the access walk
reads its expectations from `roles_for_url` (decision 0010). A new transition is one entry."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from accounts.roles import (
    ACTION_EDITORS,
    SIGN_OFF,
    Role,
    has_role,
    require_role,
)
from core.errors import InvalidTransition

from .choices import ActionStatus

#: A guard says why a transition is not open now (or None when it is).
Guard = Callable[[models.Model, datetime.date], str | None]


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    url_name: str
    sources: frozenset
    #: The state it leads to; None for a step that keeps the state (e.g. choosing an owner).
    target: models.TextChoices | None
    roles: frozenset[Role]
    #: Whether the completeness gate must pass (the workflow's `gate` decides what that is).
    gated: bool = False
    guard: Guard | None = None
    #: "primary" for the step that moves the work on, "secondary" for the others.
    emphasis: str = "primary"
    #: The refusal when the state is wrong, if the generic one would not help the reader.
    refusal: str = ""


@dataclass
class Workflow:
    noun: str
    transitions: tuple[Transition, ...]
    #: Raises when the object is incomplete; run for gated transitions only.
    gate: Callable[[models.Model], None] | None = None
    #: Why no step at all can be taken (e.g. the report is withdrawn), or None.
    blocked: Callable[[models.Model], str | None] | None = None
    _by_name: dict = field(init=False, repr=False)

    def __post_init__(self):
        self._by_name = {transition.name: transition for transition in self.transitions}

    def __getitem__(self, name: str) -> Transition:
        return self._by_name[name]

    def refusal(self, name: str, obj, today: datetime.date | None = None):
        """Why `name` cannot be taken from the object's state now (an error to raise), or None."""
        transition = self[name]
        status = obj.status
        reason = self.blocked(obj) if self.blocked is not None else None
        if reason:
            return ValidationError(reason, code="blocked")
        if status not in transition.sources:
            if transition.refusal:
                message = transition.refusal.format(status=obj.get_status_display().lower())
                return ValidationError(message, code="invalid_transition")
            if transition.target is None:
                return ValidationError(
                    f"This {self.noun} is \u201c{obj.get_status_display()}\u201d, so "
                    f"\u201c{transition.label}\u201d is not open now.",
                    code="invalid_transition",
                )
            current = type(transition.target)(status)
            return InvalidTransition(current, transition.target, noun=self.noun)
        if transition.guard is not None:
            reason = transition.guard(obj, today or timezone.localdate())
            if reason:
                return ValidationError(reason, code="guard")
        return None

    def check(self, name: str, obj, by, today: datetime.date | None = None) -> Transition:
        """Refuse, before anything changes, a step this user may not take from here."""
        transition = self[name]
        require_role(by, transition.roles)
        refused = self.refusal(name, obj, today)
        if refused is not None:
            raise refused
        if transition.gated and self.gate is not None:
            self.gate(obj)
        return transition

    def allowed(self, name: str, obj, user, today: datetime.date | None = None) -> bool:
        return has_role(user, self[name].roles) and self.refusal(name, obj, today) is None

    def available(self, obj, user, today: datetime.date | None = None) -> list[Transition]:
        """The steps this user may take from where the object is now: the page's buttons."""
        return [t for t in self.transitions if self.allowed(t.name, obj, user, today)]

    def with_url(self, url_name: str) -> list[Transition]:
        return [t for t in self.transitions if t.url_name == url_name]

    def roles_for_url(self, url_name: str) -> frozenset[Role]:
        return frozenset().union(*(t.roles for t in self.with_url(url_name)))

    def sources_for_url(self, url_name: str) -> frozenset:
        return frozenset().union(*(t.sources for t in self.with_url(url_name)))


def every(states: Iterable) -> frozenset:
    return frozenset(states)


def _needs_evidence(action, today) -> str | None:
    if not action.evidence.exists():
        return "Add evidence of completion before submitting for sign-off."
    return None


def _action_withdrawn(action) -> str | None:
    item = action.item
    if item.is_withdrawn or item.report.is_withdrawn:
        return "This action's item is withdrawn from the register: restore it first."
    return None


#: The force's action, from work in progress through the DCC's sign-off.
ACTIONS = Workflow(
    noun="action",
    blocked=_action_withdrawn,
    transitions=(
        Transition(
            "submit",
            "Submit for sign-off",
            "inspections:action_submit",
            every([ActionStatus.IN_PROGRESS]),
            ActionStatus.PENDING_SIGN_OFF,
            ACTION_EDITORS,
            guard=_needs_evidence,
        ),
        Transition(
            "sign_off",
            "Sign off",
            "inspections:action_sign_off",
            every([ActionStatus.PENDING_SIGN_OFF]),
            ActionStatus.CLOSED,
            SIGN_OFF,
        ),
        Transition(
            "return",
            "Return to the force",
            "inspections:action_sign_off",
            every([ActionStatus.PENDING_SIGN_OFF]),
            ActionStatus.IN_PROGRESS,
            SIGN_OFF,
            emphasis="secondary",
        ),
    ),
)
