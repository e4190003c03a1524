"""Background PDF jobs, whatever they render: a row records the job's state and progress, a
Celery worker claims it once and writes each stage to it, and its page reads it.

The row is the only record of progress (each write commits at once). A job that no worker
picked up, or whose worker died mid-render, is reported as failed once its time is up
(`job_outcome`), so no page spins for ever. Used by response PDFs (responses.rendering),
JASP update reports (dashboards.update_reports) and reading imported reports (imports.services),
which name their work for the messages (`BackgroundJob.work`).
"""

import datetime
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from . import pdf
from .constraints import one_of
from .fields import LineField
from .models import StoredPdf

log = logging.getLogger(__name__)


class JobState(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Rendering"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class BackgroundJob(models.Model):
    """The fields every background render has. Subclasses add what they render and where the
    PDF goes, and take their check constraints from `job_constraints` (named per table)."""

    State = JobState
    #: What the job does, as the messages about it name it ("The render did not start...").
    work = "render"

    state = LineField(max_length=16, choices=JobState.choices, default=JobState.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    stage = LineField(max_length=120, default="Waiting for the renderer")
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


def job_constraints(prefix: str) -> list[models.CheckConstraint]:
    """The rules every job table keeps, named for the table (constraint names are global):
    a known state, progress out of 100, a finished job has its time, a failure says why."""
    return [
        one_of(prefix, "state", JobState),
        models.CheckConstraint(
            condition=models.Q(progress__lte=100), name=f"{prefix}_progress_at_most_100"
        ),
        models.CheckConstraint(
            condition=models.Q(state__in=[JobState.QUEUED, JobState.RUNNING])
            | models.Q(finished_at__isnull=False),
            name=f"{prefix}_finished_has_time",
        ),
        models.CheckConstraint(
            condition=~models.Q(state=JobState.FAILED) | ~models.Q(error=""),
            name=f"{prefix}_failure_says_why",
        ),
    ]


def hand_over(task: Any, job_id: int) -> None:
    """Queue the task once the job row is committed (only then can the worker see it)."""

    def send() -> None:
        try:
            task.delay(job_id)
        except Exception as error:  # kombu's OperationalError, or any failure to reach the broker
            # The request has committed by now; failing it would help no one. The job's page
            # reports it as not started once its wait is over, and offers to try again.
            log.error("job %s could not be handed to the broker: %s", job_id, error)

    transaction.on_commit(send)


@dataclass(frozen=True)
class Outcome:
    state: str
    progress: int
    stage: str
    error: str = ""

    @property
    def finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)


def job_outcome(job: BackgroundJob, now: datetime.datetime | None = None) -> Outcome:
    """Where the job stands, reporting as failed a job whose time is up without a result."""
    now = now or timezone.now()
    waited = (now - job.requested_at).total_seconds()
    if job.state == JobState.QUEUED and waited > settings.PDF_RENDER_START_WAIT:
        minutes = settings.PDF_RENDER_START_WAIT // 60
        return Outcome(
            JobState.FAILED,
            job.progress,
            "Not started",
            f"The {job.work} did not start within {minutes} minutes: the background worker may be "
            "stopped. Try again, and tell your administrator if it happens again.",
        )
    if job.state == JobState.RUNNING and job.started_at:
        running = (now - job.started_at).total_seconds()
        if running > settings.PDF_RENDER_HARD_TIME_LIMIT:
            return Outcome(
                JobState.FAILED,
                job.progress,
                "Stopped",
                f"The {job.work} stopped without finishing. Try again.",
            )
    return Outcome(job.state, job.progress, job.stage, job.error)


def claim[J: models.Model](queryset: models.QuerySet[J], job_id: int) -> J | None:
    """Take a waiting job, once: a redelivered message finds it taken and gets None."""
    claimed = queryset.filter(pk=job_id, state=JobState.QUEUED).update(
        state=JobState.RUNNING,
        started_at=timezone.now(),
        progress=5,
        stage="Preparing the document",
    )
    return queryset.get(pk=job_id) if claimed else None


def report_progress(job: BackgroundJob, progress: int, stage: str) -> None:
    type(job)._default_manager.filter(pk=job.pk).update(progress=progress, stage=stage)


def finish(job: BackgroundJob, **fields: Any) -> None:
    type(job)._default_manager.filter(pk=job.pk).update(finished_at=timezone.now(), **fields)


def finish_done(job: BackgroundJob, **fields: Any) -> None:
    finish(job, state=JobState.DONE, progress=100, stage="Ready", **fields)


def finish_timed_out(job: BackgroundJob) -> None:
    limit = settings.PDF_RENDER_TIME_LIMIT
    finish(
        job,
        state=JobState.FAILED,
        stage="Took too long",
        error=f"The render took longer than its time limit ({limit} s) and was stopped.",
    )


def finish_failed(job: BackgroundJob) -> None:
    log.exception("%s %s failed", type(job).__name__, job.pk)
    finish(
        job,
        state=JobState.FAILED,
        stage="Failed",
        error="The PDF could not be rendered. The error is in the server's log; try again.",
    )


def store_pdf_once(
    model: type[StoredPdf], pk: int, data: bytes, name: Callable[[Any, str], str]
) -> bool:
    """Keep a PDF and its SHA-256 on a row with `pdf`, `pdf_sha256` and `pdf_bytes`, once: a
    row that has its PDF keeps it (a redelivered render changes nothing). `name(row, digest)`
    names the file. Says whether this call stored it."""
    with transaction.atomic():
        row = model._default_manager.select_for_update().get(pk=pk)
        if row.pdf_sha256:
            return False
        digest = hashlib.sha256(data).hexdigest()
        row.pdf.save(name(row, digest), ContentFile(data), save=False)
        model._default_manager.filter(pk=pk).update(
            pdf=row.pdf.name, pdf_sha256=digest, pdf_bytes=len(data)
        )
        return True


def render_job_pdf(job: BackgroundJob, html: str, store: Callable[[bytes, int], None]) -> None:
    """Render the job's HTML to a tagged PDF, writing progress as it goes, then hand the bytes
    and page count to `store(data, pages)`, which keeps them and marks the job done."""
    try:
        report_progress(job, 15, "Laying out the pages")
        pages = pdf.layout(html)
        count = len(pages.pages)
        report_progress(job, 60, f"Writing {count} pages to PDF")
        data = pdf.write(pages)
        report_progress(job, 90, "Storing the PDF")
        store(data, count)
    except SoftTimeLimitExceeded:
        finish_timed_out(job)
    except Exception:
        finish_failed(job)
