"""What accounts tells the apps above it about a person's access. Fired from the auth models'
own signals (accounts.apps), so a change made anywhere (the people page, the Django admin, a
shell) is seen: the apps that keep a standing key for the user (the calendar feed) drop it."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save

from core.hooks import Hook

#: user=: the user's roles changed, or the account was deactivated. A receiver reads what the
#: user holds now (user.is_active, accounts.roles.user_roles).
access_changed = Hook("access changed")


def _forget_cached_roles(user) -> None:
    if hasattr(user, "_pcc_roles"):
        del user._pcc_roles


def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if reverse and action == "pre_clear":
        # A group emptied: Django names no members afterwards, so note them now.
        instance._members_before_clear = list(instance.user_set.all())
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        users = [instance]
    elif action == "post_clear":
        users = getattr(instance, "_members_before_clear", [])
    else:
        users = list(get_user_model().objects.filter(pk__in=pk_set or ()))
    for user in users:
        _forget_cached_roles(user)
        access_changed(user=user)


def _user_saved(sender, instance, created, update_fields=None, **kwargs) -> None:
    # Only a deactivation matters here; a user saved as inactive again changes nothing more.
    if not created and not instance.is_active:
        access_changed(user=instance)


def connect() -> None:
    User = get_user_model()
    m2m_changed.connect(_groups_changed, sender=User.groups.through, dispatch_uid="access-groups")
    post_save.connect(_user_saved, sender=User, dispatch_uid="access-user")
