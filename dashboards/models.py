"""JASP update reports: the figures and lists frozen for a meeting, and their PDF."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from core.fields import LineField
from core.jobs import BackgroundJob


def update_report_upload_to(instance, filename):
    # The name is ours; files sit in private storage and are only streamed by a role-checked view.
    return f"update-reports/{filename}"


class UpdateReport(BackgroundJob):
    """A paper for one JASP meeting. `snapshot` holds every figure and list it shows, taken in
    one consistent read when it was asked for; the page and the PDF are drawn from the snapshot
    alone, so what the panel reads never moves after the day it was frozen. The PDF is rendered
    in the background (the job fields) and stored once, with its SHA-256."""

    meeting_date = models.DateField("meeting date")
    as_at = models.DateField("figures as at")
    since = models.DateField("changes since", help_text="Usually the previous meeting's date.")
    snapshot = models.JSONField(encoder=DjangoJSONEncoder, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    pdf = models.FileField(upload_to=update_report_upload_to, blank=True, max_length=200)
    pdf_sha256 = LineField(max_length=64, blank=True)
    pdf_bytes = models.PositiveIntegerField(null=True, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-meeting_date", "-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(since__lte=F("as_at")), name="update_report_since_not_after_as_at"
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="update_report_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["queued", "running"]) | Q(finished_at__isnull=False),
                name="update_report_finished_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(state="failed") | ~Q(error=""), name="update_report_failure_says_why"
            ),
            models.CheckConstraint(
                condition=(Q(pdf="") & Q(pdf_sha256="") & Q(pdf_bytes__isnull=True))
                | (
                    ~Q(pdf="") & Q(pdf_sha256__regex=r"^[0-9a-f]{64}$") & Q(pdf_bytes__isnull=False)
                ),
                name="update_report_pdf_hashed",
            ),
            models.CheckConstraint(
                condition=~Q(state="done") | ~Q(pdf=""), name="update_report_done_has_pdf"
            ),
        ]

    def __str__(self):
        return f"JASP update report for {self.meeting_date:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("dashboards:update_report", args=[self.pk])

    @property
    def pdf_ready(self) -> bool:
        return bool(self.pdf_sha256)

    @property
    def download_name(self) -> str:
        return f"jasp-update-report-{self.meeting_date:%Y-%m-%d}-{self.pk}.pdf"
