"""PDF renders as background jobs: asked for in a request, run by a Celery worker
(responses.tasks), watched from the job's page until the PDF is ready or the job has failed.

The job row is the only record of progress: the worker writes each stage to it as it goes
(each write commits at once), and the page reads it. A job that a worker never picked up, or
whose worker died mid-render, is reported as failed once its time is up (`job_outcome`), so no
page spins for ever.
"""

import hashlib
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from accounts.roles import DRAFT_READERS, RESPONSE_DRAFTERS, require_role
from core import jobs

from . import pdf
from .models import PublishedVersion, RenderJob, Response
from .versions import response_changes_since

log = logging.getLogger(__name__)
State = RenderJob.State


def _enqueue(job: RenderJob) -> None:
    from .tasks import render_pdf  # the task module imports this one

    jobs.hand_over(render_pdf, job.pk)


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
    outcome = jobs.job_outcome(job)
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


# --- What the worker does ----------------------------------------------------------------------


def attach_published_pdf(*, version_id: int, data: bytes) -> bool:
    """Store a published version's PDF and its SHA-256, once: a version that has its PDF keeps
    it (the database refuses a change too). Says whether this call stored it."""
    return jobs.store_pdf_once(
        PublishedVersion,
        version_id,
        data,
        lambda version, digest: _pdf_name(version.response_id, digest),
    )


def _pdf_name(response_id: int, digest: str) -> str:
    return f"response-{response_id}-{digest[:12]}.pdf"


def _store(job: RenderJob, data: bytes, pages: int) -> None:
    """Keep the PDF: on the job for a preview; on the published version for publication."""
    with transaction.atomic():
        if job.version_id is None:
            name = _pdf_name(job.response_id, hashlib.sha256(data).hexdigest())
            job.pdf.save(name, ContentFile(data), save=False)
            jobs.finish_done(job, pdf=job.pdf.name, pages=pages)
            return
        attach_published_pdf(version_id=job.version_id, data=data)
        jobs.finish_done(job, pages=pages)


def run_render_job(job_id: int) -> None:
    """Render one job's HTML to PDF, writing its progress, and record how it ended."""
    job = jobs.claim(RenderJob.objects.select_related("version"), job_id)
    if job is None:
        log.info("render job %s is not waiting (taken, finished or gone); nothing to do", job_id)
        return
    jobs.render_job_pdf(job, job.source_html, lambda data, pages: _store(job, data, pages))
