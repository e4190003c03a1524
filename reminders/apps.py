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
        report_figures()


def report_figures() -> None:
    """The figures /metrics reports for the reminders (health.metrics)."""
    from django.utils import timezone

    from health.metrics import register_gauge

    from .choices import DigestState, ReminderState
    from .models import Digest, Reminder

    register_gauge(
        "pccresponse_reminders_due_undispatched",
        "Reminders due but not yet put into anyone's digest",
        lambda: Reminder.objects.filter(
            state=ReminderState.SCHEDULED, due_at__lte=timezone.now()
        ).count(),
    )
    register_gauge(
        "pccresponse_reminder_emails_unsent",
        "Reminder digests written but not yet sent",
        lambda: Digest.objects.filter(state__in=[DigestState.PENDING, DigestState.SENDING]).count(),
    )
