"""Publishing freezes a version: its HTML and PDF are stored with their SHA-256 and never
change; a correction is published as a new version beside it."""

import datetime
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from core.errors import InvalidTransition
from responses import services
from responses.choices import ResponseStatus
from responses.models import PublishedVersion, RenderJob, Response
from responses.rendering import run_render_job
from tests.clock import on_the_day

from ..conftest import COMPLETE_LETTER, complete_annex
from .pdf_text import pdf_text, poppler

pytestmark = pytest.mark.django_db

#: Words of the letter as published (tests/conftest.py COMPLETE_LETTER).
PUBLISHED_WORDS = "I am reassured by the Chief Constable"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_waiting_jobs():
    """What the Celery worker does with each waiting job (tested on a real worker elsewhere)."""
    for job in RenderJob.objects.filter(state=RenderJob.State.QUEUED).order_by("pk"):
        run_render_job(job.pk)


def stored(version: PublishedVersion) -> tuple[str, str, bytes, str]:
    version = PublishedVersion.objects.get(pk=version.pk)
    with version.pdf.open("rb") as pdf:
        return version.html, version.html_sha256, pdf.read(), version.pdf_sha256


def publish_approved(response_in, opcc_staff, on=datetime.date(2020, 4, 21)) -> PublishedVersion:
    response = response_in(ResponseStatus.APPROVED)
    with on_the_day(on):
        version = services.response_publish(
            response=response, by=opcc_staff, expected_version=response.lock_version, on=on
        )
    render_waiting_jobs()
    return PublishedVersion.objects.get(pk=version.pk)


def correct_and_republish(response, opcc_staff, pcc, text: str, on) -> PublishedVersion:
    """Reopened, corrected, approved and published again, all on the day `on`."""
    with on_the_day(on):
        return _correct_and_republish(response, opcc_staff, pcc, text, on)


def _correct_and_republish(response, opcc_staff, pcc, text: str, on) -> PublishedVersion:
    response = services.response_reopen_for_correction(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        reason="Recommendation 1's target date was wrong.",
    )
    services.response_save_draft(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        letter=COMPLETE_LETTER | {"pcc_comments": text},
        annex=complete_annex(response),
    )
    for step, by in (
        (services.response_submit_for_approval, opcc_staff),
        (services.response_approve, pcc),
    ):
        response = Response.objects.get(pk=response.pk)
        step(response=response, by=by, expected_version=response.lock_version)
    response = Response.objects.get(pk=response.pk)
    version = services.response_publish(
        response=response, by=opcc_staff, expected_version=response.lock_version, on=on
    )
    render_waiting_jobs()
    return PublishedVersion.objects.get(pk=version.pk)


def test_publishing_freezes_html_and_pdf_with_their_hashes(response_in, opcc_staff, media_root):
    version = publish_approved(response_in, opcc_staff)
    html, html_hash, pdf, pdf_hash = stored(version)

    assert (version.number, version.published_on) == (1, datetime.date(2020, 4, 21))
    assert version.published_by == opcc_staff
    assert html_hash == sha256(html.encode()) and pdf_hash == sha256(pdf)
    assert version.pdf_bytes == len(pdf) and pdf.startswith(b"%PDF-")
    # The HTML and the PDF say the same, from the same source.
    assert PUBLISHED_WORDS in html
    assert PUBLISHED_WORDS in pdf_text(pdf)
    assert "DRAFT" not in poppler("pdftotext", "-raw", pdf=pdf)
    response = Response.objects.get(pk=version.response_id)
    assert response.status == ResponseStatus.PUBLISHED
    assert response.published_on == datetime.date(2020, 4, 21)


def test_the_pdf_shows_what_was_published_even_if_the_job_runs_after_a_correction_starts(
    response_in, opcc_staff, media_root
):
    response = response_in(ResponseStatus.APPROVED)
    with on_the_day(datetime.date(2020, 4, 21)):
        version = services.response_publish(
            response=response,
            by=opcc_staff,
            expected_version=response.lock_version,
            on=datetime.date(2020, 4, 21),
        )
    response = services.response_reopen_for_correction(
        response=Response.objects.get(pk=response.pk),
        by=opcc_staff,
        expected_version=response.lock_version,
        reason="A typing error.",
    )
    services.response_save_draft(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        letter=COMPLETE_LETTER | {"pcc_comments": "A corrected text, not yet published."},
        annex=complete_annex(response),
    )
    render_waiting_jobs()
    _, _, pdf, _ = stored(version)
    assert PUBLISHED_WORDS in pdf_text(pdf)
    assert "not yet published" not in pdf_text(pdf)


def test_a_correction_is_a_new_version_and_the_first_never_changes(
    response_in, opcc_staff, pcc, media_root
):
    first = publish_approved(response_in, opcc_staff)
    before = stored(first)

    second = correct_and_republish(
        Response.objects.get(pk=first.response_id),
        opcc_staff,
        pcc,
        "I welcome the report: corrected.",
        on=datetime.date(2020, 5, 4),
    )

    assert stored(first) == before
    assert second.number == 2 and second.published_on == datetime.date(2020, 5, 4)
    assert "corrected" in pdf_text(stored(second)[2])
    assert second.pdf.name != first.pdf.name
    response = Response.objects.get(pk=first.response_id)
    # The statutory record is the first publication: the correction does not make it late.
    assert response.published_on == datetime.date(2020, 4, 21)
    assert not response.is_overdue(datetime.date(2020, 6, 1))


@pytest.mark.parametrize(
    "change",
    [
        {"html": "<p>Altered.</p>"},
        {"html_sha256": "0" * 64},
        {"published_on": datetime.date(2020, 1, 1)},
        {"number": 7},
        {"pdf_sha256": "f" * 64},
        {"pdf": "published/elsewhere.pdf"},
        {"pdf_bytes": 1},
    ],
    ids=lambda change: next(iter(change)),
)
def test_the_database_refuses_to_alter_a_published_version(
    change, response_in, opcc_staff, media_root
):
    version = publish_approved(response_in, opcc_staff)
    before = stored(version)
    with pytest.raises(IntegrityError, match="never altered"), transaction.atomic():
        PublishedVersion.objects.filter(pk=version.pk).update(**change)
    assert stored(version) == before


def test_a_second_render_of_a_published_version_keeps_the_first_pdf(
    response_in, opcc_staff, media_root
):
    version = publish_approved(response_in, opcc_staff)
    before = stored(version)
    job = version.render_jobs.get()
    again = RenderJob.objects.create(
        response=job.response,
        purpose=job.purpose,
        version=version,
        source_html=job.source_html.replace(PUBLISHED_WORDS, "Something else"),
        requested_by=opcc_staff,
    )
    run_render_job(again.pk)
    assert stored(version) == before


def test_reopening_needs_a_reason_and_a_published_response(response_in, opcc_staff, media_root):
    approved = response_in(ResponseStatus.APPROVED)
    with pytest.raises(InvalidTransition):
        services.response_reopen_for_correction(
            response=approved, by=opcc_staff, expected_version=approved.lock_version, reason="Why"
        )
    version = publish_approved(response_in, opcc_staff)
    response = Response.objects.get(pk=version.response_id)
    with pytest.raises(ValidationError, match="Say what needs correcting"):
        services.response_reopen_for_correction(
            response=response, by=opcc_staff, expected_version=response.lock_version, reason="  "
        )
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.PUBLISHED


def test_only_the_office_publishes_and_reopens(response_in, pcc, jasp, opcc_staff, media_root):
    response = response_in(ResponseStatus.APPROVED)
    for user in (pcc, jasp):
        with pytest.raises(PermissionDenied):
            services.response_publish(
                response=response,
                by=user,
                expected_version=response.lock_version,
                on=datetime.date(2020, 4, 21),
            )
    assert not PublishedVersion.objects.exists()
    assert not RenderJob.objects.exists()
    version = publish_approved(response_in, opcc_staff)
    response = Response.objects.get(pk=version.response_id)
    for user in (pcc, jasp):
        with pytest.raises(PermissionDenied):
            services.response_reopen_for_correction(
                response=response, by=user, expected_version=response.lock_version, reason="Why"
            )
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.PUBLISHED
