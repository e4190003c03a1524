"""/healthz: the process is up (it answered). /readyz: each part it needs, ok or failing; 503
unless all are ok. No login, no session, no transaction (the database may be the part that is
down), never cached."""

from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .checks import OK, readiness


def _plain(view):
    return login_not_required(transaction.non_atomic_requests(never_cache(require_safe(view))))


@_plain
def healthz(request):
    return JsonResponse({"status": OK})


@_plain
def readyz(request):
    parts = readiness()
    ready = all(state == OK for state in parts.values())
    return JsonResponse(
        {"status": OK if ready else "failing", "checks": parts}, status=200 if ready else 503
    )
