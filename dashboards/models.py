"""JASP update reports: the figures and lists frozen for a meeting, and their PDF."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from core.jobs import BackgroundJob, job_constraints
from core.models import StoredPdf, stored_pdf_constraint


def update_report_upload_to(instance, filename):
    # The name is ours; files sit in private storage and are only streamed by a role-checked view.
    return f"update-reports/{filename}"


class UpdateReport(StoredPdf, BackgroundJob):
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
    pages = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-meeting_date", "-requested_at", "-pk"]
        constraints = [
            *job_constraints("update_report"),
            models.CheckConstraint(
                condition=Q(since__lte=F("as_at")), name="update_report_since_not_after_as_at"
            ),
            stored_pdf_constraint("update_report"),
            models.CheckConstraint(
                condition=~Q(state="done") | ~Q(pdf=""), name="update_report_done_has_pdf"
            ),
        ]

    def __str__(self):
        return f"JASP update report for {self.meeting_date:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("dashboards:update_report", args=[self.pk])

    @property
    def download_name(self) -> str:
        return f"jasp-update-report-{self.meeting_date:%Y-%m-%d}-{self.pk}.pdf"
