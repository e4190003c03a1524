"""Expected outcomes: what a URL must answer a persona for a method, and what is wrong if not."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from accounts.roles import Role

from .routes import Route
from .table import (
    ADMIN_SITE,
    ANONYMOUS,
    AUDIT_TRAIL,
    CALENDAR_FEED,
    HEALTH,
    LOGIN_PAGE,
    LOGOUT,
    METRICS,
    PERSONA_ROLES,
    SECURITY_TXT,
    SIGN_IN_PAGES,
    Access,
)


@dataclass(frozen=True)
class Outcome:
    statuses: frozenset[int]
    redirect_to: tuple[str, ...] = ()  # the paths a 302 may lead to
    with_next: bool = False  # ... carrying ?next=<the requested path>
    not_to: str | None = None  # a path a 302 must not lead to


def _only(*statuses: int) -> frozenset[int]:
    return frozenset(statuses)


def expected(rule: Access | str, route: Route, persona: str, method: str) -> Outcome:
    login = resolve_url(settings.LOGIN_URL)
    if rule == ADMIN_SITE:
        return _expected_in_admin(route, persona, method)
    if isinstance(rule, Access) and rule.public:
        return Outcome(_only(200) if method == "GET" else _only(405))
    if rule == HEALTH:  # /readyz: no worker or beat runs during the walk
        return Outcome(_only(200, 503) if method == "GET" else _only(405))
    if rule == METRICS:
        return Outcome(_only(403))
    if rule == CALENDAR_FEED:
        return Outcome(_only(404) if method == "GET" else _only(405))
    if rule == SECURITY_TXT:
        return Outcome(_only(200) if method == "GET" else _only(405))
    if rule == SIGN_IN_PAGES:
        # Pages for signing in, or forms about one's own account: a page, a redirect (to sign
        # in, to re-authenticate, onwards; 301 from an old address), or a refusal (401 a
        # provider's failed sign-in, 403 not allowed, 404 no such key or provider, 405 wrong
        # method, 429 rate limited). Never a 500 (the walk records those).
        return Outcome(_only(200, 301, 302, 400, 401, 403, 404, 405, 429))
    if persona == ANONYMOUS:
        if rule == LOGIN_PAGE:
            return Outcome(_only(200))  # the form, or the form with its errors
        if rule == LOGOUT:
            return Outcome(_only(302), redirect_to=(login,))  # allauth: nothing to sign out
        return Outcome(_only(302), redirect_to=(login,), with_next=True)
    if rule == LOGIN_PAGE:
        # Signed in already: on to the register, or the people page for an administrator.
        onward = "people:list" if PERSONA_ROLES[persona] == Role.ADMINISTRATOR else None
        return Outcome(
            _only(302), redirect_to=(resolve_url(onward or settings.LOGIN_REDIRECT_URL),)
        )
    if rule == AUDIT_TRAIL:
        if persona != "superuser" and PERSONA_ROLES[persona] != Role.ADMINISTRATOR:
            return Outcome(_only(403))
        return Outcome(_only(200) if method == "GET" else _only(405))
    if rule == LOGOUT:
        if method == "GET":
            return Outcome(_only(200))  # allauth asks "sign out?"; only a POST signs out
        return Outcome(_only(302), redirect_to=(resolve_url(settings.LOGOUT_REDIRECT_URL),))
    assert isinstance(rule, Access), rule
    role = PERSONA_ROLES[persona]
    if method == "GET":
        return Outcome(_only(200) if role in rule.read else _only(403))
    if rule.write is None:
        return Outcome(_only(405) if role in rule.read else _only(403))
    return Outcome(_only(200, 302) if role in rule.write else _only(403))


def _expected_in_admin(route: Route, persona: str, method: str) -> Outcome:
    admin_login, admin_index = reverse("admin:login"), reverse("admin:index")
    if persona == ANONYMOUS:
        if route.label == "admin:login":
            return Outcome(_only(200))
        # LoginRequiredMiddleware answers first, sending them to a login page either way: the
        # admin's for the site-wide views (the admin gives those a login_url), the project's
        # (settings.LOGIN_URL) for the models' pages.
        logins = (admin_login, resolve_url(settings.LOGIN_URL))
        return Outcome(_only(302), redirect_to=logins, with_next=True)
    if persona == "superuser":
        # Inside: whatever the page answers, it is not a bounce to the login and not an error.
        # 403: the read-only admins refuse add/change/delete; 404: the admin's catch-all;
        # 405: the admin's logout takes a POST; 302: the admin's own redirects.
        return Outcome(_only(200, 302, 403, 404, 405), not_to=admin_login)
    if route.label == "admin:login":
        return Outcome(_only(200))  # "you are not authorised"; an empty POST re-renders it
    if route.label == "admin:logout":
        return Outcome(_only(302), redirect_to=(admin_index,))  # admin_view's special case
    return Outcome(_only(302), redirect_to=(admin_login,), with_next=True)


def check(outcome: Outcome, response, url: str) -> str | None:
    """What is wrong with the response, or None."""
    if response.status_code not in outcome.statuses:
        return f"got {response.status_code}, expected {sorted(outcome.statuses)}"
    if response.status_code != 302:
        return None
    location = urlsplit(response["Location"])
    if outcome.not_to and location.path == outcome.not_to:
        return f"redirected to {response['Location']}"
    if outcome.redirect_to and location.path not in outcome.redirect_to:
        return f"redirected to {response['Location']}, expected {' or '.join(outcome.redirect_to)}"
    if outcome.with_next and parse_qs(location.query).get("next") != [url]:
        return f"redirected to {response['Location']}, expected ?next={url}"
    return None
