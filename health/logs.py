"""One log line per request (request id, user id, view, method, path, status, duration) and
the request's id and user on every other line logged while it is served.

What is never logged: query strings (search text, filters), bodies, headers, cookies, the
request object itself (Django's own loggers attach it; RequestContextFilter removes it).
"""

import logging
import time
from contextvars import ContextVar

log = logging.getLogger("pccresponse.requests")
_context: ContextVar[dict] = ContextVar("log_context", default={})  # noqa: B039 - never mutated


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        token = _context.set({"request_id": getattr(request, "request_id", "")})
        try:
            response = self.get_response(request)
            user = getattr(request, "user", None)
            match = request.resolver_match
            log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": getattr(request, "request_id", ""),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                    "view": match.view_name if match else "",
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            _context.reset(token)


class RequestContextFilter(logging.Filter):
    """Adds the request id to every record logged while a request is served, and drops the
    request object that Django's loggers attach (its repr has the query string)."""

    def filter(self, record: logging.LogRecord) -> bool:
        for key, value in _context.get().items():
            if not hasattr(record, key):
                setattr(record, key, value)
        record.__dict__.pop("request", None)
        return True
