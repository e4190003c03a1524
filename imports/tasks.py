"""The background work of imports: reading an uploaded report."""

from celery import shared_task
from django.conf import settings

from . import services


@shared_task(
    soft_time_limit=settings.PDF_RENDER_TIME_LIMIT,
    time_limit=settings.PDF_RENDER_HARD_TIME_LIMIT,
    ignore_result=True,  # the job row records the outcome
)
def read_import(job_id: int) -> None:
    services.run_import_job(job_id)
