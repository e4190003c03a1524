"""The session policy: signed out after SESSION_IDLE_MINUTES without a request and
SESSION_ABSOLUTE_HOURS after signing in, whatever happens; every session of a user ended at
once on "sign out everywhere", on deactivation and on a change of roles.

Times are kept in the session as POSIX seconds. A request counts as activity unless it is an
htmx GET (a progress bar polling by itself is not a person at work); the warning script
(static/js/session-timeout.js) asks the keep-alive address when the user says to stay."""

import time

from allauth.usersessions.adapter import get_adapter
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.models import Session
from django.utils import timezone

STARTED = "policy_started_at"
SEEN = "policy_seen_at"
#: A session's last-seen time is written at most this often (seconds): not a write per request.
SEEN_RESOLUTION = 30


def idle_seconds() -> int:
    return settings.SESSION_IDLE_MINUTES * 60


def absolute_seconds() -> int:
    return settings.SESSION_ABSOLUTE_HOURS * 60 * 60


def why_expired(session, now: float) -> str | None:
    """Why this session must end now, in words for the sign-in page, or None."""
    started, seen = session.get(STARTED), session.get(SEEN)
    if started is not None and now - started >= absolute_seconds():
        hours = settings.SESSION_ABSOLUTE_HOURS
        return f"You were signed out: a session lasts at most {hours} hours. Sign in again."
    if seen is not None and now - seen >= idle_seconds():
        minutes = settings.SESSION_IDLE_MINUTES
        return f"You were signed out after {minutes} minutes without activity. Sign in again."
    return None


def _counts_as_activity(request) -> bool:
    return not (request.method == "GET" and request.headers.get("HX-Request"))


def _touch(session, now: float) -> None:
    session.setdefault(STARTED, now)
    if now - session.get(SEEN, 0) >= SEEN_RESOLUTION:
        session[SEEN] = now


class SessionPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        now = time.time()
        if request.user.is_authenticated:
            reason = why_expired(request.session, now)
            if reason:
                logout(request)
                messages.info(request, reason)
                return redirect_to_login(request.get_full_path())
        response = self.get_response(request)
        # After the view: a sign-in just made starts its clock here.
        if request.user.is_authenticated and (
            _counts_as_activity(request) or STARTED not in request.session
        ):
            _touch(request.session, now)
        return response


def sessions_end_for(*, user) -> int:
    """End every session the user has, on every device; how many there were.

    allauth lists the sessions it signed in (UserSession); one signed in another way (the Django
    admin's own login page) is found by reading the live sessions, which are few (one per
    person signed in, none older than SESSION_ABSOLUTE_HOURS)."""
    tracked = list(UserSession.objects.filter(user=user))
    get_adapter().end_sessions(tracked)
    others = [
        row.session_key
        for row in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if row.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]
    Session.objects.filter(session_key__in=others).delete()
    return len(tracked) + len(others)
