from django import template

from core.people import display_name

register = template.Library()


@register.filter
def person(user, fallback: str = "the system") -> str:
    """A user's full name, else their username; `fallback` when no user (e.g. a command)."""
    return display_name(user, fallback)
