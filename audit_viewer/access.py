"""Who may read the audit trail: the one check every view of it makes. Administrators (the
role that manages people), and superusers, who may read everything in the Django admin too."""

from accounts.roles import PEOPLE_ADMINS, user_roles


def may_read_audit(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(user.is_superuser or user_roles(user) & PEOPLE_ADMINS)
