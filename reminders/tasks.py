"""Celery tasks: ids in, a service call out. The beat entry (CELERY_BEAT_SCHEDULE in settings)
runs `scan_reminders` every few minutes; nothing is ever scheduled days ahead as a delayed task:
what is due lives in the database, so a broker that loses its queue loses nothing."""

from celery import shared_task

from .scan import reminders_scan
from .sending import digest_send
from .services import reminders_rebuild_all


@shared_task(ignore_result=True)
def scan_reminders() -> int:
    result = reminders_scan()
    for digest_id in result.to_send:
        # If this message is lost (Redis restarts, the worker dies), the scan hands the digest
        # over again once its lease has run out.
        send_digest.delay(digest_id)
    return len(result.to_send)


@shared_task(ignore_result=True)
def send_digest(digest_id: int) -> str:
    return digest_send(digest_id=digest_id)


@shared_task(ignore_result=True)
def rebuild_reminders() -> int:
    return reminders_rebuild_all()
