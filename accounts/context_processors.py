from django.conf import settings

from .navigation import links_for
from .roles import (
    ACTION_EDITORS,
    ASSURANCE_EDITORS,
    DCC_DASHBOARD_READERS,
    PEOPLE_ADMINS,
    READERS,
    REGISTER_EDITORS,
    RESPONSE_DRAFTERS,
    SIGN_OFF,
    user_roles,
)


def navigation(request):
    """The navigation bar's links for this user (accounts.navigation), for signed-in pages."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_links": []}
    return {"nav_links": links_for(request)}


def roles(request):
    """What the templates need to decide which links and buttons to show (the views still check).

    A request refused before the authentication middleware ran (a disallowed Host, say) has no
    user: it is shown the error page as no one."""
    user = getattr(request, "user", None)
    held = user_roles(user) if user is not None else frozenset()
    return {
        "user_roles": held,
        "can_read": bool(held & READERS),
        "can_see_dcc_dashboard": bool(held & DCC_DASHBOARD_READERS),
        "can_edit_register": bool(held & REGISTER_EDITORS),
        "can_edit_actions": bool(held & ACTION_EDITORS),
        "can_sign_off": bool(held & SIGN_OFF),
        "can_edit_assurance": bool(held & ASSURANCE_EDITORS),
        "can_draft_responses": bool(held & RESPONSE_DRAFTERS),
        "can_manage_people": bool(held & PEOPLE_ADMINS),
    }


def session_policy(request):
    """The numbers the session warning (static/js/session-timeout.js) and the lockout page
    show, from the settings."""
    return {
        "session_idle_seconds": settings.SESSION_IDLE_MINUTES * 60,
        "session_warning_seconds": settings.SESSION_WARNING_MINUTES * 60,
        "lockout_cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
