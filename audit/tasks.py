"""The daily check of the chain (Celery beat, settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .verification import verify_and_alert


@shared_task(name="audit.tasks.verify_audit_chain")
def verify_audit_chain() -> str:
    broken = verify_and_alert()
    return str(broken) if broken else "intact"
