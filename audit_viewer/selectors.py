"""The entries a viewer asked for, newest first."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from audit.models import AuditEntry


def _day_start(day: datetime.date) -> datetime.datetime:
    """Midnight in Europe/London (the entries are stored in UTC)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def audit_entries(*, filters: dict) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("object_type", "actor").order_by("-id")
    if person := filters.get("person"):
        entries = entries.filter(
            Q(actor_label__icontains=person) | Q(actor__username__icontains=person)
        )
    if kind := filters.get("kind"):
        entries = entries.filter(kind=kind)
    if obj := filters.get("object"):
        entries = entries.filter(Q(object_label__icontains=obj) | Q(object_id=obj))
    if start := filters.get("date_from"):
        entries = entries.filter(created_at__gte=_day_start(start))
    if end := filters.get("date_to"):
        entries = entries.filter(created_at__lt=_day_start(end + datetime.timedelta(days=1)))
    return entries
