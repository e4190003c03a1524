"""audit.record: the one way to append to the audit trail.

The chain must never fork, so appending is serialised: on PostgreSQL a transaction-level
advisory lock is taken before the last hash is read, and held until the writer's transaction
commits (the next writer then reads this entry as the last). SQLite's write lock (settings:
IMMEDIATE transactions) does the same for `make run`. The unique previous hash backs this up.
"""

import json
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from core.people import display_name

from .chain import GENESIS, entry_hash
from .context import current_request, remote_address, request_id_of
from .models import AuditEntry, AuditKind

#: pg_advisory_xact_lock's key for the chain (any fixed number no other lock uses).
CHAIN_LOCK = 0x61756469  # "audi"
LABEL_MAX = 200


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])


def _plain(detail: dict[str, Any]) -> dict[str, Any]:
    """The detail as the JSON column gives it back (so the hash made now is the one verified
    later): dates and other values as text."""
    plain: dict[str, Any] = json.loads(json.dumps(detail, default=str))
    return plain


def _actor(request: Any, actor: Any) -> Any:
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    return actor


def _object_fields(obj: Any) -> dict[str, Any]:
    if obj is None:
        return {}
    return {
        "object_type": ContentType.objects.get_for_model(obj, for_concrete_model=False),
        "object_id": str(obj.pk),
        "object_label": str(obj)[:LABEL_MAX],
    }


def record(
    kind: str,
    *,
    request: Any = None,
    actor: Any = None,
    obj: Any = None,
    actor_label: str = "",
    **detail: Any,
) -> AuditEntry:
    """Append one entry of `kind` (an AuditKind). Who and where come from `request` (or the
    request being served, audit.context), else `actor`; `actor_label` names someone who is not a
    user (a failed sign-in's username). Runs in the caller's transaction: an entry for a change
    that is rolled back goes with it."""
    kind = AuditKind(kind)
    request = request if request is not None else current_request()
    actor = _actor(request, actor)
    entry = AuditEntry(
        created_at=timezone.now(),
        actor=actor,
        actor_label=(display_name(actor) if actor is not None else actor_label)[:LABEL_MAX],
        remote_addr=remote_address(request),
        kind=kind,
        detail=_plain(detail),
        request_id=request_id_of(request),
        **_object_fields(obj),
    )
    with transaction.atomic():
        _lock_chain()
        last = AuditEntry.objects.order_by("-id").values_list("hash", flat=True).first()
        entry.previous_hash = last or GENESIS
        entry.hash = entry_hash(entry)
        entry.save(force_insert=True)
    return entry
