from .navigation import links_for
from .roles import (
    ACTION_EDITORS,
    ASSURANCE_EDITORS,
    DCC_DASHBOARD_READERS,
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
    """What the templates need to decide which links and buttons to show (the views still check)."""
    held = user_roles(request.user)
    return {
        "user_roles": held,
        "can_read": bool(held & READERS),
        "can_see_dcc_dashboard": bool(held & DCC_DASHBOARD_READERS),
        "can_edit_register": bool(held & REGISTER_EDITORS),
        "can_edit_actions": bool(held & ACTION_EDITORS),
        "can_sign_off": bool(held & SIGN_OFF),
        "can_edit_assurance": bool(held & ASSURANCE_EDITORS),
        "can_draft_responses": bool(held & RESPONSE_DRAFTERS),
    }
