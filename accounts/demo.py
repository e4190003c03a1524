"""One demo user per role. Their password is printed by load_demo and accepted only by the
DemoLoginBackend, which only the local settings enable."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .roles import Role

DEMO_PASSWORD = "demo-only-local"

DEMO_USERS = {
    "opcc": ("Olivia", "Carter", Role.OPCC_STAFF),
    "pcc": ("Paddy", "Tipping", Role.PCC),
    "force": ("Laura", "Koscikiewicz", Role.FORCE_STAFF),
    "dcc": ("Rachel", "Barber", Role.DCC),
    "jasp": ("James", "Singh", Role.JASP),
    "admin": ("Alex", "Morgan", Role.ADMINISTRATOR),
}
DEMO_USERNAMES = frozenset(DEMO_USERS)


def ensure_demo_users():
    """Create or refresh the demo users; idempotent."""
    User = get_user_model()
    users = {}
    for username, (first, last, role) in DEMO_USERS.items():
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        if user.has_usable_password():
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.groups.set([Group.objects.get(name=role.value)])
        users[username] = user
    return users
