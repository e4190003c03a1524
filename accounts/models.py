"""The record of every change an administrator makes to people (accounts.people)."""

from django.conf import settings
from django.db import models

from core.fields import LineField


class AccountChangeKind(models.TextChoices):
    INVITED = "invited", "Invited"
    ROLE_ADDED = "role_added", "Role given"
    ROLE_REMOVED = "role_removed", "Role taken away"
    DEACTIVATED = "deactivated", "Deactivated"
    REACTIVATED = "reactivated", "Reactivated"
    UNLOCKED = "unlocked", "Unlocked after failed sign-ins"
    SIGNED_UP = "signed_up", "First signed in through an identity provider"


class AccountChange(models.Model):
    """Who changed whose account, when, and what: written by the people services, never
    edited (no view or admin changes one)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="account_changes"
    )
    kind = LineField(max_length=16, choices=AccountChangeKind.choices)
    detail = LineField(max_length=200, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="account_changes_made",
        help_text="Empty when the system made it (a first sign-in through a provider).",
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["person", "-at"], name="account_change_person_at")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=AccountChangeKind.values),
                name="account_change_known_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.person} ({self.at:%Y-%m-%d %H:%M})"
