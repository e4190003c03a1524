from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = "Deadline reminders"

    def ready(self):
        from inspections import hooks as register
        from responses import hooks as responses

        from .services import reminders_refresh_for_action, reminders_refresh_for_response

        # An action's or response's reminders are planned again on every change.
        register.action_changed.connect(reminders_refresh_for_action)
        responses.response_changed.connect(reminders_refresh_for_response)
