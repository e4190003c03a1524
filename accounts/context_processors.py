from .roles import ACTION_EDITORS, ASSURANCE_EDITORS, REGISTER_EDITORS, SIGN_OFF, Role, user_roles


def roles(request):
    """What the templates need to decide which links and buttons to show (the views still check)."""
    held = user_roles(request.user)
    return {
        "user_roles": held,
        "can_edit_register": bool(held & REGISTER_EDITORS),
        "can_edit_actions": bool(held & ACTION_EDITORS),
        "can_sign_off": bool(held & SIGN_OFF),
        "can_edit_assurance": bool(held & ASSURANCE_EDITORS),
        "is_force_user": bool(held & {Role.FORCE_STAFF, Role.DCC}),
    }
