"""Request ids, and the entry for a refusal (which must outlive the request's transaction)."""

from django.core.exceptions import PermissionDenied

from .context import _request, new_request_id
from .models import AuditKind

REQUEST_ID_HEADER = "X-Request-ID"


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = new_request_id(request.headers.get(REQUEST_ID_HEADER))
        token = _request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _request.reset(token)
        response[REQUEST_ID_HEADER] = request.request_id
        return response

    def process_exception(self, request, exception):
        """A refused request: Django calls this after ATOMIC_REQUESTS has rolled the view's
        transaction back, so the entry is written on its own and kept."""
        if not isinstance(exception, PermissionDenied):
            return None
        from .services import record

        user = request.user
        held = sorted(user.groups.values_list("name", flat=True)) if user.is_authenticated else []
        record(
            AuditKind.PERMISSION_DENIED,
            request=request,
            method=request.method,
            url=request.path[:500],
            roles_held=held,
            **getattr(exception, "audit_detail", {}),
        )
        return None
