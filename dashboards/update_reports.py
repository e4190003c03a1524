"""JASP update reports: freeze a meeting's snapshot, render its PDF in the background, keep it.

State changes go through here and check the state they start from: freezing needs the office's
role; the PDF is stored once (a second render of the same report keeps the first PDF); only a
failed render can be tried again.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.roles import UPDATE_REPORT_WRITERS, require_role
from core import jobs
from core.pdf_fetcher import static_url

from . import presenters, snapshot
from .lists import three_months_before
from .models import UpdateReport

#: The JASP paper's print stylesheet, registered with the PDF fetcher when the app is ready.
STYLESHEET = "css/update-report.css"

State = UpdateReport.State


def default_since(meeting_date: datetime.date) -> datetime.date:
    """The previous meeting's date (the latest paper for an earlier meeting), else three
    months before, never after today (changes are counted up to today)."""
    earlier = (
        UpdateReport.objects.filter(meeting_date__lt=meeting_date)
        .order_by("-meeting_date")
        .values_list("meeting_date", flat=True)
        .first()
    )
    return min(earlier or three_months_before(meeting_date), timezone.localdate())


def update_report_freeze(
    *, meeting_date: datetime.date, since: datetime.date | None, by
) -> UpdateReport:
    """Take the snapshot as at today and queue its PDF."""
    require_role(by, UPDATE_REPORT_WRITERS)
    as_at = timezone.localdate()
    since = since or default_since(meeting_date)
    if since > as_at:
        raise ValidationError(
            {"since": "Changes can only be counted up to today: choose today or an earlier date."}
        )
    frozen = snapshot.take(as_at=as_at, since=since)
    report = UpdateReport.objects.create(
        meeting_date=meeting_date, as_at=as_at, since=since, snapshot=frozen, requested_by=by
    )
    _enqueue(report)
    return report


def _enqueue(report: UpdateReport) -> None:
    from .tasks import render_update_report  # the task module imports this one

    jobs.hand_over(render_update_report, report.pk)


class NothingToRetry(ValueError):
    """The render did not fail, or the PDF is already stored."""


def update_report_retry(*, report: UpdateReport, by) -> None:
    """Queue a failed render again (the report is its own job: there is one PDF per paper)."""
    require_role(by, UPDATE_REPORT_WRITERS)
    if report.pdf_ready or jobs.job_outcome(report).state != State.FAILED:
        raise NothingToRetry("Only a failed render can be tried again.")
    requeued = UpdateReport.objects.filter(pk=report.pk, state=report.state, pdf="").update(
        state=State.QUEUED,
        progress=0,
        stage="Waiting for the renderer",
        error="",
        requested_at=timezone.now(),
        started_at=None,
        finished_at=None,
    )
    if not requeued:
        raise NothingToRetry("Someone else has just asked for this PDF again.")
    _enqueue(report)


def report_context(report: UpdateReport) -> dict:
    """What the page and the PDF show, from the snapshot alone."""
    frozen = report.snapshot
    figures = snapshot.figures_from(frozen)
    return presenters.jasp_context(figures, since=report.since, linked=False) | {
        "paper": report,
        # Papers frozen before the window was a setting used 30 days.
        "due_soon_days": frozen.get("window_days", 30),
        "overdue_items": snapshot.item_list_from(frozen["overdue_items"]),
        "open_items": snapshot.item_list_from(frozen["open_items"]),
    }


def document_html(report: UpdateReport) -> str:
    context = report_context(report) | {"stylesheet_url": static_url(STYLESHEET)}
    return render_to_string("dashboards/update_report/document.html", context)


def run_update_report(report_id: int) -> None:
    """The worker's part: render the snapshot to PDF and keep it."""
    report = jobs.claim(UpdateReport.objects.all(), report_id)
    if report is None:
        return
    html = document_html(report)
    jobs.render_job_pdf(report, html, lambda data, pages: store_pdf(report, data, pages))


def store_pdf(report: UpdateReport, data: bytes, pages: int) -> None:
    """Keep the paper's PDF and its SHA-256, once (a paper that has its PDF keeps it), and mark
    the render done. The worker calls it; so do tests standing in for the worker."""
    with transaction.atomic():
        jobs.store_pdf_once(UpdateReport, report.pk, data, lambda paper, _: paper.download_name)
        jobs.finish_done(report, pages=pages)
