"""The background work of responses: rendering PDFs (the logic is in responses.rendering)."""

from celery import shared_task
from django.conf import settings

from . import rendering


@shared_task(
    soft_time_limit=settings.PDF_RENDER_TIME_LIMIT,
    time_limit=settings.PDF_RENDER_HARD_TIME_LIMIT,
    # The job row, not Celery's result store, records the outcome.
    ignore_result=True,
)
def render_pdf(job_id: int) -> None:
    rendering.run_render_job(job_id)
