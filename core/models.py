"""Abstract models for what several tables repeat: a version for optimistic locking, a stored
PDF with its hash. Each concrete table keeps its own constraint names (they are global)."""

from django.db import models
from django.db.models import Q

from .fields import LineField


class Versioned(models.Model):
    """A row editors change through forms: `lock_version` is the version an editor loaded, and
    core.concurrency.save_versioned refuses a save made against an older one."""

    lock_version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class StoredPdf(models.Model):
    """A PDF written once by a background job, with its SHA-256 and size. Each table declares
    `pdf` again with its own upload_to."""

    pdf = models.FileField(blank=True, max_length=200)
    pdf_sha256 = LineField(max_length=64, blank=True)
    pdf_bytes = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def pdf_ready(self) -> bool:
        return bool(self.pdf_sha256)


def stored_pdf_constraint(prefix: str) -> models.CheckConstraint:
    """No PDF and no hash, or a PDF with its hash and size: never one without the other."""
    return models.CheckConstraint(
        condition=(Q(pdf="") & Q(pdf_sha256="") & Q(pdf_bytes__isnull=True))
        | (~Q(pdf="") & Q(pdf_sha256__regex=r"^[0-9a-f]{64}$") & Q(pdf_bytes__isnull=False)),
        name=f"{prefix}_pdf_hashed",
    )


class FormSubmission(models.Model):
    """One rendered form's key, kept once it has been acted on (core.once): a second post of the
    same form (a double click, a retry, the same page in two tabs) finds it and changes nothing."""

    key = models.UUIDField(unique=True)
    at = models.DateTimeField(auto_now_add=True)
    #: Where the first post led, so a second one goes to the same place.
    result_url = LineField(max_length=500, blank=True)

    class Meta:
        indexes = [models.Index(fields=["at"], name="form_submission_at")]

    def __str__(self) -> str:
        return str(self.key)
