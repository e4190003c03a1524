"""The navigation bar, declared once: each link, who sees it, and which pages it is "you are
here" for. URL names are strings, so this module imports no app's views."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from .roles import (
    ACTION_EDITORS,
    DCC_DASHBOARD_READERS,
    PEOPLE_ADMINS,
    READERS,
    RESPONSE_DRAFTERS,
    SIGN_OFF,
    Role,
    user_roles,
)


@dataclass(frozen=True)
class NavLink:
    label: str
    url_name: str
    #: Who sees the link; None for everyone signed in. The view checks again, whatever this says.
    roles: frozenset[Role] | None = None
    #: The URL namespace whose every page this link is active for ("public": the feed, a
    #: version); empty for its own page only.
    section: str = ""


NAVIGATION = (
    NavLink("Register", "inspections:report_list", READERS),
    NavLink("Responses", "responses:list", READERS),
    NavLink("My responses", "responses:mine", RESPONSE_DRAFTERS),
    NavLink("DCC dashboard", "dashboards:dcc", DCC_DASHBOARD_READERS),
    NavLink("JASP dashboard", "dashboards:jasp", READERS),
    NavLink("Published", "public:list", section="public"),
    NavLink("My actions", "inspections:my_actions", ACTION_EDITORS),
    NavLink("My reminders", "reminders:mine", READERS, section="reminders"),
    NavLink("People", "people:list", PEOPLE_ADMINS, section="people"),
    NavLink("Review queue", "inspections:review_queue", SIGN_OFF),
    NavLink("Audit trail", "audit:entries", PEOPLE_ADMINS, section="audit"),
)


def links_for(request: HttpRequest) -> list[dict]:
    """The links this user sees, each marked `active` (in its section) and `current` (on its
    very page, for aria-current)."""
    held = user_roles(request.user)
    match = request.resolver_match
    view_name = match.view_name if match else ""
    namespace = match.namespace if match else ""
    shown = []
    for link in NAVIGATION:
        if link.roles is not None and not held & link.roles:
            continue
        current = view_name == link.url_name
        active = current or bool(link.section and namespace == link.section)
        shown.append(
            {
                "label": link.label,
                "url": reverse(link.url_name),
                "active": active,
                "current": current,
            }
        )
    return shown
