"""Verify the chain and, if it is broken, tell the administrators by email."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail

from core.site import absolute_url

from .chain import Break, first_break


def administrators() -> list[str]:
    """settings.ADMINS, else every active superuser with an address."""
    if settings.ADMINS:
        return list(settings.ADMINS)
    users = get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")
    return list(users.order_by("pk").values_list("email", flat=True))


def verify_and_alert() -> Break | None:
    broken = first_break()
    if broken is not None:
        send_mail(
            subject="Audit trail check failed",
            message=(
                f"The daily check of the audit trail found a break at {broken}.\n\n"
                "An entry has been changed, removed or inserted outside the application. "
                "Keep the database as it is and run `manage.py audit_verify` to confirm; "
                f"the trail is at {absolute_url('/audit/')}.\n"
            ),
            from_email=None,
            recipient_list=administrators(),
        )
    return broken
