"""The audit trail: one append-only, hash-chained record of security and statutory events.

Every app calls `audit.record(kind, request=..., actor=..., obj=..., **detail)`; nothing else
writes to it (decision 0015).
"""

from typing import Any


def record(kind: str, *, request: Any = None, actor: Any = None, obj: Any = None, **detail: Any):
    """Append one entry (audit.services.record): imported late, so any module may import this
    package before the apps are loaded."""
    from .services import record as _record

    return _record(kind, request=request, actor=actor, obj=obj, **detail)
