"""The hash chain: each entry's hash is SHA-256 over a canonical JSON of its content and the
previous entry's hash, so changing, removing or reordering any entry breaks every link after it.

Canonical: keys sorted, no spaces, UTF-8, times in UTC to the microsecond, the object's type by
its natural name (app_label.model, the same in every database a backup is restored into).
"""

import datetime
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from .models import AuditEntry

#: The first entry's previous hash (and the start of a chain whose older part was archived, in
#: which case the first remaining entry's previous hash is the archive's last hash).
GENESIS = ""


def _when(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def content(entry: AuditEntry) -> dict[str, Any]:
    object_type = entry.object_type
    return {
        "created_at": _when(entry.created_at),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "remote_addr": entry.remote_addr,
        "kind": entry.kind,
        "object_type": f"{object_type.app_label}.{object_type.model}" if object_type else None,
        "object_id": entry.object_id,
        "object_label": entry.object_label,
        "detail": entry.detail,
        "request_id": entry.request_id,
        "previous_hash": entry.previous_hash,
    }


def canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(canonical(content(entry))).hexdigest()


@dataclass(frozen=True)
class Break:
    entry_id: int
    reason: str

    def __str__(self) -> str:
        return f"audit entry #{self.entry_id}: {self.reason}"


def walk(entries: Iterable[AuditEntry], start: str = GENESIS) -> Iterator[Break]:
    """Every broken link, in chain order: an entry whose content no longer gives its hash, or
    whose previous hash is not the hash of the entry before it. The first entry's previous hash
    must be `start`: genesis, or once older entries are archived the archive's last hash (so
    removing the oldest entries is noticed too)."""
    previous = start
    for entry in entries:
        if entry.previous_hash != previous:
            yield Break(entry.pk, "its previous hash is not the hash of the entry before it")
        if entry_hash(entry) != entry.hash:
            yield Break(entry.pk, "its content does not match its hash (altered)")
        previous = entry.hash


def first_break() -> Break | None:
    """The first broken entry of the whole chain, or None when it is intact."""
    entries = AuditEntry.objects.select_related("object_type").order_by("id").iterator(2000)
    return next(walk(entries, start=settings.AUDIT_CHAIN_START), None)
