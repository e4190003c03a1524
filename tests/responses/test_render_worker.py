"""PDF renders on a real Celery worker, through the test run's Redis: publication hands the
job over once its transaction commits, and a render past its time limit is reported as such."""

import time

import pytest

from responses import services
from responses.choices import ResponseStatus
from responses.models import PublishedVersion, RenderJob
from responses.tasks import render_pdf
from tests.clock import on_the_day

from ..celery_worker import celery_worker
from .pdf_text import pdf_text

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("role_groups")]

FINISH_WITHIN = 90  # seconds


def wait_until_finished(job_id: int) -> RenderJob:
    deadline = time.monotonic() + FINISH_WITHIN
    while time.monotonic() < deadline:
        job = RenderJob.objects.get(pk=job_id)
        if job.state in (RenderJob.State.DONE, RenderJob.State.FAILED):
            return job
        time.sleep(0.2)
    raise AssertionError(f"render job {job_id} still {job.state} after {FINISH_WITHIN} s")


def test_a_worker_renders_the_published_version(response_in, opcc_staff, media_root, tmp_path):
    response = response_in(ResponseStatus.APPROVED)
    with celery_worker(tmp_path / "worker.log"):
        with on_the_day(response.letter_date):
            version = services.response_publish(
                response=response,
                by=opcc_staff,
                expected_version=response.lock_version,
                on=response.letter_date,
            )
        job = wait_until_finished(version.render_jobs.get().pk)

    assert job.state == RenderJob.State.DONE, job.error
    assert (job.progress, job.stage) == (100, "Ready")
    version = PublishedVersion.objects.get(pk=version.pk)
    with version.pdf.open("rb") as pdf:
        assert "I am reassured by the Chief Constable" in pdf_text(pdf.read())


def test_a_render_past_its_time_limit_is_reported_as_such(
    opcc_staff, response_in, media_root, tmp_path
):
    response = response_in(ResponseStatus.DRAFTING)
    with celery_worker(tmp_path / "worker.log", PDF_RENDER_TIME_LIMIT="1"):
        job = RenderJob.objects.create(
            response=response,
            purpose=RenderJob.Purpose.PREVIEW,
            # Some 400 pages of text: far more than a second's work.
            source_html="<p>" + "Words to lay out. " * 200_000 + "</p>",
            requested_by=opcc_staff,
        )
        # The limits travel in the task message; the worker's error quotes its own setting.
        render_pdf.apply_async(args=[job.pk], soft_time_limit=1, time_limit=31)
        job = wait_until_finished(job.pk)

    assert job.state == RenderJob.State.FAILED
    assert job.error == "The render took longer than its time limit (1 s) and was stopped."
    assert not job.pdf
