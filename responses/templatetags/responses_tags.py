"""The deadline badge shown wherever a response appears, the step indicator, and rich text."""

from django import template
from django.conf import settings
from django.utils import timezone

from .. import richtext
from ..choices import ResponseStatus

register = template.Library()


@register.filter
def rich(text: str):
    """Markdown from the letter and the Chief Constable's comments, sanitised (richtext.render)."""
    return richtext.render(text)


def _days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def deadline_state(response, today=None) -> dict:
    """What the badge says about a response's statutory deadline, and how it looks."""
    due_on = response.due_on
    if due_on is None:
        return {"kind": "none", "text": "No statutory deadline", "due_on": None}
    if response.published_on:  # first publication: the statutory record
        late = (response.published_on - due_on).days
        if late > 0:
            return {"kind": "late", "text": f"Published late, by {_days(late)}", "due_on": due_on}
        return {"kind": "on-time", "text": "Published on time", "due_on": due_on}
    left = response.days_left(today or timezone.localdate())
    if left < 0:
        return {"kind": "overdue", "text": f"Overdue by {_days(-left)}", "due_on": due_on}
    if left == 0:
        return {"kind": "today", "text": "due today", "due_on": due_on}
    kind = "soon" if left <= settings.DUE_SOON_DAYS else "open"
    return {"kind": kind, "text": f"{_days(left)} left", "due_on": due_on}


@register.inclusion_tag("components/deadline_badge.html")
def deadline_badge(response, today=None):
    """The badge: "Due 22 Apr 2020 · 12 days left", "Overdue by 3 days · due 22 Apr 2020", or
    "No statutory deadline". The meaning is in the words; the colour only repeats it."""
    return {"deadline": deadline_state(response, today)}


@register.inclusion_tag("responses/partials/steps.html")
def response_steps(response):
    """The workflow's states in order, the current one marked (aria-current="step")."""
    states = list(ResponseStatus)
    current = states.index(ResponseStatus(response.status))
    steps = [
        {
            "label": state.label,
            "done": index < current,
            "current": index == current,
        }
        for index, state in enumerate(states)
    ]
    return {"steps": steps}
