"""An import: what was pasted or uploaded for one report, read in the background when it is a
file, and the items proposed from it, waiting in the preview until they are saved."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from core.constraints import one_of
from core.fields import LineField
from core.jobs import BackgroundJob, job_constraints


class Source(models.TextChoices):
    PASTE = "paste", "Pasted text"
    FILE = "file", "Uploaded file"


def upload_to(instance, filename):
    # Our name, in private storage: nothing serves these files; the worker reads and deletes.
    return f"imports/report-{instance.report_id}/{filename}"


class ImportJob(BackgroundJob):
    """The job fields say how reading the file went; `proposals` holds what the parser found
    (ProposedItem.as_dict per item) and `lines_read` the start of what it read, to show when it
    found nothing. `saved_at` is set once, when the items were created."""

    work = "import"

    report = models.ForeignKey(
        "inspections.Report", on_delete=models.CASCADE, related_name="imports"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    source = LineField(max_length=8, choices=Source.choices)
    upload = models.FileField(upload_to=upload_to, blank=True, max_length=200)
    upload_name = LineField("file name", max_length=200, blank=True)
    proposals = models.JSONField(default=list, blank=True)
    lines_read = models.JSONField(default=list, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    created_count = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            *job_constraints("import_job"),
            one_of("import_job", "source", Source),
            models.CheckConstraint(
                condition=Q(saved_at__isnull=True) | Q(state="done"),
                name="import_job_saved_only_when_read",
            ),
        ]

    def __str__(self):
        return f"Import {self.pk} into {self.report}"

    def get_absolute_url(self):
        return reverse("imports:job", args=[self.pk])
