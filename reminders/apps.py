from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = "Deadline reminders"

    def ready(self):
        from accounts import hooks as accounts
        from inspections import hooks as register
        from responses import hooks as responses

        from .services import (
            calendar_token_follow_access,
            reminders_refresh_for_action,
            reminders_refresh_for_response,
        )

        # An action's or response's reminders are planned again on every change.
        register.action_changed.connect(reminders_refresh_for_action)
        responses.response_changed.connect(reminders_refresh_for_response)
        # Deactivated, or left with no role: the calendar address stops working.
        accounts.access_changed.connect(calendar_token_follow_access)
