"""PDF renders as background jobs: asked for in a request, run by a Celery worker
(responses.tasks), watched from the job's page until the PDF is ready or the job has failed.

The job row is the only record of progress: the worker writes each stage to it as it goes
(each write commits at once), and the page reads it. A job that a worker never picked up, or
whose worker died mid-render, is reported as failed once its time is up (`job_outcome`), so no
page spins for ever.
"""

import datetime
import hashlib
import logging
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.roles import DRAFT_READERS, RESPONSE_DRAFTERS, require_role

from . import pdf
from .models import PublishedVersion, RenderJob, Response
from .versions import response_changes_since

log = logging.getLogger(__name__)
State = RenderJob.State


def _hand_over(job_id: int) -> None:
    from .tasks import render_pdf  # the task module imports this one

    try:
        render_pdf.delay(job_id)
    except Exception as error:  # kombu's OperationalError, or any failure to reach the broker
        # The request has committed by now; failing it would help no one. The job page
        # reports the job as not started once its wait is over, and offers to try again.
        log.error("render job %s could not be handed to the broker: %s", job_id, error)


def _enqueue(job: RenderJob) -> None:
    # Only once the job row is committed can the worker see it.
    transaction.on_commit(lambda: _hand_over(job.pk))


class StalePreview(ValidationError):
    """The letter changed after the reader loaded it: they would get a PDF of text unseen."""


def request_preview(*, response: Response, by, expected_version: int) -> RenderJob:
    """A draft PDF of the letter and annex, with the DRAFT watermark, as the reader last saw
    them (`expected_version`); refused if someone has saved since."""
    require_role(by, DRAFT_READERS)
    if response.lock_version != expected_version:
        changes = "; ".join(response_changes_since(response, expected_version))
        raise StalePreview(
            "The letter and annex changed after you opened this page "
            f"({changes or 'saved again'}). Check the changes, then ask for the PDF again.",
            code="stale_preview",
        )
    job = RenderJob.objects.create(
        response=response,
        purpose=RenderJob.Purpose.PREVIEW,
        source_html=pdf.response_pdf_html(response=response, draft=True),
        requested_by=by,
    )
    _enqueue(job)
    return job


def request_publication_pdf(*, version: PublishedVersion, source_html: str, by) -> RenderJob:
    """The PDF of a published version, from the print HTML fixed when it was published."""
    job = RenderJob.objects.create(
        response=version.response,
        purpose=RenderJob.Purpose.PUBLICATION,
        version=version,
        source_html=source_html,
        requested_by=by,
    )
    _enqueue(job)
    return job


class NothingToRetry(ValueError):
    """The job did not fail, or its published version already has its PDF."""


def retry(*, job: RenderJob, by) -> RenderJob:
    """A new job rendering the same HTML as a failed one."""
    require_role(
        by, DRAFT_READERS if job.purpose == RenderJob.Purpose.PREVIEW else RESPONSE_DRAFTERS
    )
    outcome = job_outcome(job)
    if outcome.state != State.FAILED:
        raise NothingToRetry("Only a failed render can be tried again.")
    if job.version is not None and job.version.pdf_ready:
        raise NothingToRetry("This version's PDF is already stored.")
    again = RenderJob.objects.create(
        response=job.response,
        purpose=job.purpose,
        version=job.version,
        source_html=job.source_html,
        requested_by=by,
    )
    _enqueue(again)
    return again


# --- What the page shows -----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    state: str
    progress: int
    stage: str
    error: str = ""

    @property
    def finished(self) -> bool:
        return self.state in (State.DONE, State.FAILED)


def job_outcome(job: RenderJob, now: datetime.datetime | None = None) -> Outcome:
    """Where the job stands, reporting as failed a job whose time is up without a result."""
    now = now or timezone.now()
    waited = (now - job.requested_at).total_seconds()
    if job.state == State.QUEUED and waited > settings.PDF_RENDER_START_WAIT:
        minutes = settings.PDF_RENDER_START_WAIT // 60
        return Outcome(
            State.FAILED,
            job.progress,
            "Not started",
            f"The render did not start within {minutes} minutes: the background worker may be "
            "stopped. Try again, and tell your administrator if it happens again.",
        )
    if job.state == State.RUNNING and job.started_at:
        running = (now - job.started_at).total_seconds()
        if running > settings.PDF_RENDER_HARD_TIME_LIMIT:
            return Outcome(
                State.FAILED,
                job.progress,
                "Stopped",
                "The render stopped without finishing. Try again.",
            )
    return Outcome(job.state, job.progress, job.stage, job.error)


# --- What the worker does ----------------------------------------------------------------------


def _claim(job_id: int) -> RenderJob | None:
    """Take a waiting job, once: a redelivered message finds it taken and does nothing."""
    now = timezone.now()
    claimed = RenderJob.objects.filter(pk=job_id, state=State.QUEUED).update(
        state=State.RUNNING, started_at=now, progress=5, stage="Preparing the document"
    )
    if not claimed:
        return None
    return RenderJob.objects.select_related("version").get(pk=job_id)


def _report(job: RenderJob, progress: int, stage: str) -> None:
    RenderJob.objects.filter(pk=job.pk).update(progress=progress, stage=stage)


def _finish(job: RenderJob, **fields) -> None:
    RenderJob.objects.filter(pk=job.pk).update(finished_at=timezone.now(), **fields)


def attach_published_pdf(*, version_id: int, data: bytes) -> bool:
    """Store a published version's PDF and its SHA-256, once: a version that has its PDF keeps
    it (the database refuses a change too). Says whether this call stored it."""
    with transaction.atomic():
        version = PublishedVersion.objects.select_for_update().get(pk=version_id)
        if version.pdf_ready:
            return False
        digest = hashlib.sha256(data).hexdigest()
        version.pdf.save(_pdf_name(version.response_id, digest), ContentFile(data), save=False)
        PublishedVersion.objects.filter(pk=version.pk).update(
            pdf=version.pdf.name, pdf_sha256=digest, pdf_bytes=len(data)
        )
        return True


def _pdf_name(response_id: int, digest: str) -> str:
    return f"response-{response_id}-{digest[:12]}.pdf"


def _store(job: RenderJob, data: bytes, pages: int) -> None:
    """Keep the PDF: on the job for a preview; on the published version for publication."""
    with transaction.atomic():
        if job.version_id is None:
            name = _pdf_name(job.response_id, hashlib.sha256(data).hexdigest())
            job.pdf.save(name, ContentFile(data), save=False)
            _finish(
                job, pdf=job.pdf.name, pages=pages, state=State.DONE, progress=100, stage="Ready"
            )
            return
        attach_published_pdf(version_id=job.version_id, data=data)
        _finish(job, pages=pages, state=State.DONE, progress=100, stage="Ready")


def run_render_job(job_id: int) -> None:
    """Render one job's HTML to PDF, writing its progress, and record how it ended."""
    job = _claim(job_id)
    if job is None:
        log.info("render job %s is not waiting (taken, finished or gone); nothing to do", job_id)
        return
    try:
        _report(job, 15, "Laying out the pages")
        pages = pdf.layout(job.source_html)
        count = len(pages.pages)
        _report(job, 60, f"Writing {count} pages to PDF")
        data = pdf.write(pages)
        _report(job, 90, "Storing the PDF")
        _store(job, data, count)
    except SoftTimeLimitExceeded:
        limit = settings.PDF_RENDER_TIME_LIMIT
        _finish(
            job,
            state=State.FAILED,
            stage="Took too long",
            error=f"The render took longer than its time limit ({limit} s) and was stopped.",
        )
    except Exception:
        log.exception("render job %s failed", job_id)
        _finish(
            job,
            state=State.FAILED,
            stage="Failed",
            error="The PDF could not be rendered. The error is in the server's log; try again.",
        )
