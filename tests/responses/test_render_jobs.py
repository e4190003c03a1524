"""Draft previews and the render job's page: progress while it runs, the PDF once ready, and a
clear failure (never an endless spinner) when it fails, times out or never starts."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from core.jobs import job_outcome
from responses.choices import ResponseStatus
from responses.models import RenderJob
from responses.rendering import run_render_job

from .pdf_text import pdf_text, poppler

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def drafting(response_in, media_root):
    return response_in(ResponseStatus.DRAFTING)


def ask_for_preview(client, user, response):
    client.force_login(user)
    return client.post(
        reverse("responses:previews", args=[response.pk]),
        {"lock_version": response.lock_version},
    )


def test_staff_ask_for_a_draft_pdf_and_watch_it_until_it_is_ready(client, opcc_staff, drafting):
    answer = ask_for_preview(client, opcc_staff, drafting)
    job = RenderJob.objects.get()
    assert answer.status_code == 302 and answer["Location"] == job.get_absolute_url()

    waiting = client.get(job.get_absolute_url())
    assert b"<progress" in waiting.content and b'hx-trigger="every 1s"' in waiting.content
    assert b"Waiting for the renderer" in waiting.content

    run_render_job(job.pk)  # what the worker does (a real worker runs it in test_render_worker)
    partial = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert b"<html" not in partial.content  # only the status part, swapped into the page
    assert b"hx-trigger" not in partial.content  # finished: the polling stops
    assert b"Download the draft PDF" in partial.content

    download = client.get(reverse("responses:render_job_pdf", args=[job.pk]))
    pdf = b"".join(download.streaming_content)
    assert download["Content-Disposition"].startswith("attachment")
    assert "DRAFT" in poppler("pdftotext", "-raw", pdf=pdf)  # the watermark
    assert "early help" in pdf_text(pdf)


def test_the_job_records_its_stages(opcc_staff, drafting):
    job = RenderJob.objects.create(
        response=drafting,
        purpose=RenderJob.Purpose.PREVIEW,
        source_html="<p>x</p>",
        requested_by=opcc_staff,
    )
    run_render_job(job.pk)
    job.refresh_from_db()
    assert (job.state, job.progress, job.stage, job.pages) == ("done", 100, "Ready", 1)
    assert job.started_at and job.finished_at and job.started_at <= job.finished_at


def test_a_redelivered_job_is_rendered_once(opcc_staff, drafting):
    ask = {"response": drafting, "purpose": "preview", "requested_by": opcc_staff}
    job = RenderJob.objects.create(source_html="<p>First</p>", **ask)
    run_render_job(job.pk)
    first = RenderJob.objects.get(pk=job.pk)
    run_render_job(job.pk)
    assert RenderJob.objects.get(pk=job.pk).pdf.name == first.pdf.name
    assert RenderJob.objects.get(pk=job.pk).finished_at == first.finished_at


def test_a_render_that_fails_says_so_and_can_be_tried_again(
    client, opcc_staff, drafting, monkeypatch
):
    ask_for_preview(client, opcc_staff, drafting)
    job = RenderJob.objects.get()

    def broken_layout(html):
        raise RuntimeError("Pango exploded")

    monkeypatch.setattr("core.pdf.layout", broken_layout)
    run_render_job(job.pk)
    page = client.get(job.get_absolute_url())
    assert b"The PDF was not made" in page.content and b"Try again" in page.content
    assert b"Pango exploded" not in page.content  # the detail is for the log, not the page
    assert b"hx-trigger" not in page.content

    monkeypatch.undo()
    again = client.post(job.get_absolute_url(), {"action": "retry"})
    retry = RenderJob.objects.exclude(pk=job.pk).get()
    assert again["Location"] == retry.get_absolute_url()
    assert retry.source_html == job.source_html
    run_render_job(retry.pk)
    assert RenderJob.objects.get(pk=retry.pk).state == RenderJob.State.DONE


def test_a_job_that_never_starts_is_reported_after_the_wait(client, opcc_staff, drafting, settings):
    settings.PDF_RENDER_START_WAIT = 300
    with time_machine.travel(NOW, tick=False):
        ask_for_preview(client, opcc_staff, drafting)
    job = RenderJob.objects.get()
    assert job_outcome(job, NOW + datetime.timedelta(seconds=299)).state == "queued"
    with time_machine.travel(NOW + datetime.timedelta(seconds=301), tick=False):
        page = client.get(job.get_absolute_url())
    assert b"did not start within 5 minutes" in page.content
    assert b"hx-trigger" not in page.content and b"Try again" in page.content


def test_a_job_whose_worker_died_is_reported_after_the_hard_limit(opcc_staff, drafting, settings):
    job = RenderJob.objects.create(
        response=drafting,
        purpose="preview",
        source_html="<p>x</p>",
        requested_by=opcc_staff,
        state=RenderJob.State.RUNNING,
        started_at=NOW,
        progress=60,
    )
    limit = settings.PDF_RENDER_HARD_TIME_LIMIT
    assert job_outcome(job, NOW + datetime.timedelta(seconds=limit - 1)).state == "running"
    outcome = job_outcome(job, NOW + datetime.timedelta(seconds=limit + 1))
    assert outcome.state == "failed" and "stopped without finishing" in outcome.error


def test_retrying_a_finished_job_changes_nothing(client, opcc_staff, drafting):
    ask_for_preview(client, opcc_staff, drafting)
    job = RenderJob.objects.get()
    run_render_job(job.pk)
    answer = client.post(job.get_absolute_url(), {"action": "retry"}, follow=True)
    assert b"Only a failed render can be tried again" in answer.content
    assert RenderJob.objects.count() == 1


def test_a_preview_of_a_letter_changed_since_the_page_loaded_is_refused(
    client, opcc_staff, drafting
):
    client.force_login(opcc_staff)
    answer = client.post(
        reverse("responses:previews", args=[drafting.pk]),
        {"lock_version": drafting.lock_version - 1},
    )
    assert answer.status_code == 200
    assert b"changed after you opened this page" in answer.content
    assert not RenderJob.objects.exists()


def test_the_pdf_page_lists_recent_renders_in_bounded_queries(
    client, opcc_staff, drafting, django_assert_max_num_queries
):
    for _ in range(15):
        RenderJob.objects.create(
            response=drafting,
            purpose="preview",
            source_html="<p>x</p>",
            requested_by=opcc_staff,
            requested_at=timezone.now(),
        )
    client.force_login(opcc_staff)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("responses:previews", args=[drafting.pk]))
    assert page.content.count(b"Waiting for the renderer") == 10
