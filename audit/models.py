"""The audit entry: written once by audit.services.record, never changed (a trigger from
migration 0002 refuses UPDATE and DELETE), each carrying the hash of the one before it."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q


class AuditKind(models.TextChoices):
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    LOCKOUT = "lockout", "Locked out"
    SIGN_OUT = "sign_out", "Signed out"
    PERMISSION_DENIED = "permission_denied", "Refused"
    EXPORT = "export", "Exported a list"
    EVIDENCE_DOWNLOAD = "evidence_download", "Downloaded evidence"
    PDF_DOWNLOAD = "pdf_download", "Downloaded an internal PDF"
    APPROVAL = "approval", "Approved a response"
    PUBLICATION = "publication", "Published a response"
    CORRECTION = "correction", "Reopened a response for correction"
    DISPATCH = "dispatch", "Sent a response"
    ACCOUNT_CHANGE = "account_change", "Changed an account or role"
    CONFIG_CHANGE = "config_change", "Changed the configuration"


class AuditEntry(models.Model):
    created_at = models.DateTimeField(db_index=True)
    # PROTECT: a person with an audit entry is deactivated, never deleted (the entry could not
    # let go of them anyway: it is never updated). The label keeps the name as it was.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(max_length=200, blank=True)
    remote_addr = models.GenericIPAddressField(null=True, blank=True)
    kind = models.CharField(max_length=32, choices=AuditKind.choices)
    object_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_label = models.CharField(max_length=200, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = "audit entry"
        verbose_name_plural = "audit entries"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["kind", "created_at"], name="audit_kind_created"),
            models.Index(fields=["actor", "created_at"], name="audit_actor_created"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AuditKind.values), name="audit_entry_kind_known"
            ),
            # One successor per entry (and one first entry): a second writer that missed the
            # chain's lock cannot fork it, its insert fails instead.
            models.UniqueConstraint(fields=["previous_hash"], name="audit_entry_one_successor"),
            models.CheckConstraint(
                condition=Q(hash__regex=r"^[0-9a-f]{64}$"), name="audit_entry_hash_is_sha256"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()} by {self.actor_label or 'nobody'}"
