from django import template

register = template.Library()


@register.filter
def person(user, fallback: str = "the system") -> str:
    """A user's full name, else their username; `fallback` when no user (e.g. a command)."""
    if user is None:
        return fallback
    return user.get_full_name() or user.get_username()
