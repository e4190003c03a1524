from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "People and roles"

    def ready(self):
        from . import hooks
        from .sessions import sessions_end_for

        hooks.connect()
        # Deactivated, or roles changed: every session of the user ends at once.
        hooks.access_changed.connect(sessions_end_for)
