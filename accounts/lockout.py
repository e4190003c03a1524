"""What django-axes needs to count failed sign-ins per account and per address (settings: the
AXES_* block), and the administrator's unlock."""

from axes.utils import reset
from django.conf import settings


def attempted_login(request, credentials) -> str:
    """The name tried, as typed: allauth's form calls it "login" and passes it on as username
    or email. Lower-cased, so "Olivia" and "olivia" share one count."""
    credentials = credentials or {}
    tried = credentials.get("username") or credentials.get("email")
    if not tried and request is not None:
        tried = request.POST.get("login", "")
    return str(tried or "").strip().lower()


def client_ip(request) -> str:
    """The address that connected: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the
    entry they added to X-Forwarded-For (entries before theirs are the client's to invent)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [hop for hop in forwarded if hop]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lockout_clear(*, username: str = "", email: str = "") -> int:
    """Unlock an account: forget its failed attempts under its username and its email address
    (either may have been typed). How many records were removed."""
    removed = 0
    for name in {username.strip().lower(), email.strip().lower()} - {""}:
        removed += reset(username=name)
    return removed
