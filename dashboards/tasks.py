"""The background work of the dashboards: rendering JASP update reports."""

from celery import shared_task
from django.conf import settings

from . import update_reports


@shared_task(
    soft_time_limit=settings.PDF_RENDER_TIME_LIMIT,
    time_limit=settings.PDF_RENDER_HARD_TIME_LIMIT,
    # The report row, not Celery's result store, records the outcome.
    ignore_result=True,
)
def render_update_report(report_id: int) -> None:
    update_reports.run_update_report(report_id)
