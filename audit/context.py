"""The request being served, for the entries written where no request is passed (services,
admin hooks): its id, who, and from which address.

AuditMiddleware gives every request an id (a sane X-Request-ID from the proxy, else a new one),
sends it back as X-Request-ID, and keeps the request in a context variable while it is served.
"""

import ipaddress
import re
import uuid
from contextvars import ContextVar
from typing import Any

from django.conf import settings

_request: ContextVar[Any] = ContextVar("audit_request", default=None)
#: What a proxy's request id may look like to be kept: short, printable, no spaces.
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")


def current_request() -> Any:
    return _request.get()


def new_request_id(header: str | None) -> str:
    if header and SANE_REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def request_id_of(request) -> str:
    return getattr(request, "request_id", "") if request is not None else ""


def remote_address(request) -> str | None:
    """The client's address: REMOTE_ADDR, or, behind AUDIT_TRUSTED_PROXIES reverse proxies, the
    address the nearest of them says it was called from (X-Forwarded-For, read from the right,
    as anything further left was written by the client)."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.AUDIT_TRUSTED_PROXIES
    if proxies:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
