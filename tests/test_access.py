"""Every URL of the project x every persona x GET and POST, checked against one explicit table.

ACCESS below says, for each URL name, which roles may read it (GET) and which may write through
it (POST). The walking test finds the URL patterns itself (the admin's and auth's included), so a
view added later without an entry in ACCESS fails here: it cannot ship without someone deciding
who may use it. The role sets are spelt out literally rather than imported from accounts.roles,
so widening a role constant there is caught here too.

Nothing a refused request does may reach the database: every request is bracketed by a snapshot
of every row of every project table (the auth users and groups, the register and its history),
which covers row counts and each record's lock_version alike.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models
from django.shortcuts import resolve_url
from django.urls import (
    URLPattern,
    URLResolver,
    get_resolver,
    include,
    path,
    resolve,
    reverse,
)
from django.urls.resolvers import RoutePattern
from django.utils import timezone
from django.views import View

from accounts.roles import Role
from dashboards.models import UpdateReport
from dashboards.update_reports import store_pdf, update_report_freeze
from inspections import services
from inspections.choices import ActionStatus
from inspections.models import Action, Evidence, Item, Report
from responses import services as response_services
from responses.choices import ResponseStatus
from responses.models import Office, PublishedVersion, RenderJob, Response, Signatory
from responses.publication import response_send
from responses.rendering import attach_published_pdf

from .factories import ReportFactory

# --- The table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Access:
    """Who may use one role-checked URL.

    read: the roles that get 200 on GET; every other signed-in user gets 403.
    write: the roles whose POST reaches the form (re-rendered with errors, or a redirect once
        saved); every other signed-in user gets 403. None when the view has no POST handler:
        readers then get 405 and everyone else 403.
    obj: the object (an attribute of World) whose pk fills the URL's <pk>.
    """

    read: frozenset[Role]
    write: frozenset[Role] | None
    obj: str | None = None
    #: Open to everyone, signed in or not (the published responses): GET 200, POST 405.
    public: bool = False


#: Not role-checked views: what each answers is spelt out in `expected()`.
LOGIN_PAGE = "the login page: open to all; signed-in users are sent on to the register"
LOGOUT = "log out: POST only, for any signed-in user"
ADMIN_SITE = "the Django admin: superusers only, whatever their role"
CALENDAR_FEED = "a calendar feed: no login, the token is the key; a wrong one is not found"

EVERY_ROLE = frozenset(Role)
OPCC = frozenset({Role.OPCC_STAFF})
FORCE = frozenset({Role.FORCE_STAFF, Role.DCC})
DCC = frozenset({Role.DCC})
PCC = frozenset({Role.PCC})
OPCC_AND_PCC = frozenset({Role.OPCC_STAFF, Role.PCC})

ACCESS: dict[str, Access | str] = {
    "login": LOGIN_PAGE,
    "logout": LOGOUT,
    # One's own account page: every role reads it; nothing to write.
    "account": Access(read=EVERY_ROLE, write=None),
    # Every admin pattern, named or not, present or added later: the admin site checks them all
    # in one place (accounts.admin_site), so one rule covers them.
    "admin:*": ADMIN_SITE,
    # The register: everyone with a role reads it, the OPCC keeps it.
    "inspections:report_list": Access(read=EVERY_ROLE, write=None),
    # Exports of a list: exactly the list's readers.
    "inspections:report_list_csv": Access(read=EVERY_ROLE, write=None),
    "inspections:report_list_xlsx": Access(read=EVERY_ROLE, write=None),
    "inspections:report_detail": Access(read=EVERY_ROLE, write=None, obj="report"),
    "inspections:report_create": Access(read=OPCC, write=OPCC),
    "inspections:report_update": Access(read=OPCC, write=OPCC, obj="report"),
    "inspections:item_detail": Access(read=EVERY_ROLE, write=None, obj="item"),
    "inspections:item_create": Access(read=OPCC, write=OPCC, obj="report"),
    "inspections:item_update": Access(read=OPCC, write=OPCC, obj="item"),
    "inspections:item_oversight": Access(read=OPCC, write=OPCC, obj="item"),
    # The force's actions: force staff and the DCC record them; only the DCC signs off.
    "inspections:action_create": Access(read=FORCE, write=FORCE, obj="item"),
    "inspections:action_update": Access(read=FORCE, write=FORCE, obj="action"),
    "inspections:action_target_date": Access(read=FORCE, write=FORCE, obj="action"),
    "inspections:update_create": Access(read=FORCE, write=FORCE, obj="action"),
    "inspections:evidence_create": Access(read=FORCE, write=FORCE, obj="action"),
    "inspections:evidence_download": Access(read=EVERY_ROLE, write=None, obj="evidence"),
    "inspections:action_submit": Access(read=FORCE, write=FORCE, obj="action"),
    "inspections:action_sign_off": Access(read=DCC, write=DCC, obj="pending_action"),
    "inspections:my_actions": Access(read=FORCE, write=None),
    "inspections:review_queue": Access(read=DCC, write=None),
    "inspections:my_actions_csv": Access(read=FORCE, write=None),
    "inspections:my_actions_xlsx": Access(read=FORCE, write=None),
    "inspections:review_queue_csv": Access(read=DCC, write=None),
    "inspections:review_queue_xlsx": Access(read=DCC, write=None),
    # Section 55 responses: everyone reads where each stands; the OPCC drives them, the force
    # enters the Chief Constable's comments, only the PCC approves; drafts are for OPCC and PCC.
    "responses:list": Access(read=EVERY_ROLE, write=None),
    "responses:list_csv": Access(read=EVERY_ROLE, write=None),
    "responses:list_xlsx": Access(read=EVERY_ROLE, write=None),
    "responses:mine": Access(read=OPCC, write=None),
    "responses:detail": Access(read=EVERY_ROLE, write=None, obj="response"),
    "responses:assign_owner": Access(read=OPCC, write=OPCC, obj="response"),
    "responses:invite": Access(read=OPCC, write=OPCC, obj="response"),
    "responses:cc_comments": Access(read=FORCE, write=FORCE, obj="invited_response"),
    "responses:no_cc_comments": Access(read=OPCC, write=OPCC, obj="invited_response"),
    "responses:submit": Access(read=OPCC, write=OPCC, obj="drafted_response"),
    "responses:approve": Access(read=PCC, write=PCC, obj="submitted_response"),
    "responses:publish": Access(read=OPCC, write=OPCC, obj="approved_response"),
    "responses:compose": Access(read=OPCC, write=OPCC, obj="response"),
    "responses:letter": Access(read=OPCC_AND_PCC, write=None, obj="response"),
    "responses:versions": Access(read=OPCC_AND_PCC, write=None, obj="response"),
    "responses:compare": Access(read=OPCC_AND_PCC, write=None, obj="response"),
    # Publication: the office sends and reopens; OPCC and PCC make draft PDFs and watch renders.
    "responses:send": Access(read=OPCC, write=OPCC, obj="sent_response"),
    "responses:reopen": Access(read=OPCC, write=OPCC, obj="sent_response"),
    "responses:previews": Access(read=OPCC_AND_PCC, write=OPCC_AND_PCC, obj="response"),
    "responses:render_job": Access(read=OPCC_AND_PCC, write=OPCC_AND_PCC, obj="failed_job"),
    "responses:render_job_pdf": Access(read=OPCC_AND_PCC, write=None, obj="done_job"),
    # The published responses: open to the public.
    "public:list": Access(read=EVERY_ROLE, write=None, public=True),
    "public:feed": Access(read=EVERY_ROLE, write=None, public=True),
    "public:response": Access(read=EVERY_ROLE, write=None, obj="sent_response", public=True),
    "public:version": Access(read=EVERY_ROLE, write=None, obj="published_version", public=True),
    "public:version_pdf": Access(read=EVERY_ROLE, write=None, obj="published_version", public=True),
    # Reminders: everyone sees their own; everyone but the JASP member keeps a calendar address.
    "reminders:mine": Access(read=EVERY_ROLE, write=None),
    "reminders:calendar": Access(read=EVERY_ROLE, write=EVERY_ROLE - {Role.JASP}),
    "reminders:calendar_feed": CALENDAR_FEED,
    # Search across reports, items and actions: everyone who reads the register.
    "search:results": Access(read=EVERY_ROLE, write=None),
    # Dashboards: the force, the office and the PCC read the DCC's; everyone reads JASP's and the
    # lists behind the figures. Nothing here writes.
    "dashboards:dcc": Access(read=EVERY_ROLE - {Role.JASP}, write=None),
    "dashboards:jasp": Access(read=EVERY_ROLE, write=None),
    "dashboards:actions": Access(read=EVERY_ROLE, write=None),
    "dashboards:items": Access(read=EVERY_ROLE, write=None),
    "dashboards:actions_csv": Access(read=EVERY_ROLE, write=None),
    "dashboards:actions_xlsx": Access(read=EVERY_ROLE, write=None),
    "dashboards:items_csv": Access(read=EVERY_ROLE, write=None),
    "dashboards:items_xlsx": Access(read=EVERY_ROLE, write=None),
    # JASP update reports: everyone reads and downloads them; the office freezes them and
    # asks again for a PDF that failed.
    "dashboards:update_reports": Access(read=EVERY_ROLE, write=OPCC),
    "dashboards:update_report": Access(read=EVERY_ROLE, write=OPCC, obj="failed_paper"),
    "dashboards:update_report_pdf": Access(read=EVERY_ROLE, write=None, obj="done_paper"),
}

ANONYMOUS = "anonymous"
#: Each signed-in persona (a fixture in tests/conftest.py) and the role it holds.
PERSONA_ROLES: dict[str, Role | None] = {
    "opcc_staff": Role.OPCC_STAFF,
    "pcc": Role.PCC,
    "force_officer": Role.FORCE_STAFF,
    "dcc": Role.DCC,
    "jasp": Role.JASP,
    "outsider": None,
    # The support login: the only one the admin lets in; a superuser flag grants no app role.
    "superuser": None,
}
PERSONAS = [ANONYMOUS, *PERSONA_ROLES]


# --- Walking the URLconf -----------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """One leaf URL pattern, with the patterns of the includes above it."""

    namespace: str
    name: str | None
    patterns: tuple  # RoutePattern / RegexPattern, outermost first
    callback: Callable

    @property
    def route(self) -> str:
        return "".join(str(p) for p in self.patterns)

    @property
    def label(self) -> str:
        name = self.name or f"<unnamed {self.route}>"
        return f"{self.namespace}:{name}" if self.namespace else name


def url_routes() -> Iterator[Route]:
    """Every URL pattern the project serves: django.urls.get_resolver(), walked recursively."""

    def walk(entries, namespace: str, patterns: tuple):
        for entry in entries:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                yield from walk(entry.url_patterns, inner, (*patterns, entry.pattern))
            else:
                assert isinstance(entry, URLPattern), entry
                yield Route(namespace, entry.name, (*patterns, entry.pattern), entry.callback)

    yield from walk(get_resolver().url_patterns, "", ())


def access_rule(route: Route) -> Access | str | None:
    if route.name and route.label in ACCESS:
        return ACCESS[route.label]
    if route.namespace.split(":")[0] == "admin":
        return ACCESS.get("admin:*")
    return None


def missing_expectations() -> list[str]:
    return [
        f"url {route.label!r} has no access expectation: add it to ACCESS"
        for route in url_routes()
        if access_rule(route) is None
    ]


_ROUTE_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
# A capture group without nested groups: named (?P<name>...) or positional (...).
_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^()]*\)|\((?!\?)[^()]*\)")
#: What fills the positional groups of regex patterns (django-simple-history's admin view).
_POSITIONAL_PARAMS = ("object_id", "history_id")


def build_path(route: Route, params: dict[str, object]) -> str:
    """The route with each parameter filled in; checked to resolve back to the same view."""
    parts = []
    for pattern in route.patterns:
        if isinstance(pattern, RoutePattern):
            parts.append(_ROUTE_PARAM.sub(lambda m: str(params[m[1]]), str(pattern)))
        else:
            positional = iter(_POSITIONAL_PARAMS)
            regex = pattern.regex.pattern.removeprefix("^").removesuffix("$")
            parts.append(
                _REGEX_GROUP.sub(
                    lambda m, positional=positional: str(params[m[1] or next(positional)]), regex
                )
            )
    url = "/" + "".join(parts)
    match = resolve(url)
    assert match.func is route.callback, f"{url} built for {route.label} resolves to {match}"
    return url


# --- The objects the URLs name -----------------------------------------------------------------


@dataclass
class World:
    report: Report
    item: Item
    action: Action  # in progress, with a progress update and a file as evidence
    pending_action: Action  # submitted for sign-off
    evidence: Evidence
    response: Response  # the report's, not started
    invited_response: Response  # the Chief Constable invited to comment
    drafted_response: Response  # complete, drafting: ready to submit
    submitted_response: Response  # submitted for the PCC's approval
    approved_response: Response  # approved, to be published
    opcc_staff: object  # a user who may own a response
    sent_response: Response  # published (its PDF stored) and sent once
    published_version: PublishedVersion  # the sent response's
    failed_job: RenderJob  # a draft preview whose render failed
    done_job: RenderJob  # a draft preview with its PDF
    failed_paper: UpdateReport  # a JASP update report whose PDF failed to render
    done_paper: UpdateReport  # a JASP update report with its PDF

    def url(self, name: str) -> str:
        rule = ACCESS[name]
        if rule.obj is None:
            return reverse(name)
        return reverse(name, kwargs={"pk": getattr(self, rule.obj).pk})

    def params(self, route: Route) -> dict[str, object]:
        rule = access_rule(route)
        if isinstance(rule, Access):
            return {"pk": getattr(self, rule.obj).pk} if rule.obj else {}
        if rule == ADMIN_SITE:
            return self.admin_params(route)
        if rule == CALENDAR_FEED:
            return {"token": "not-a-token-anyone-was-given-0123456789"}
        return {}

    def admin_params(self, route: Route) -> dict[str, object]:
        """admin/<app>/<model>/...: a real row of that model; other admin URLs: the report."""
        found = re.match(r"admin/(\w+)/(\w+)/", route.route)
        try:
            model = apps.get_model(*found.groups()) if found else Report
        except LookupError:  # admin/password_change/done/ is not a model's page
            model = Report
        obj = model._default_manager.order_by("pk").first()
        params = {
            "object_id": obj.pk,
            "id": obj.pk,
            "content_type_id": ContentType.objects.get_for_model(model).pk,
            "app_label": "inspections",
            "url": "no-such-page/",
        }
        if hasattr(model, "history"):
            params["history_id"] = model.history.filter(id=obj.pk).first().history_id
        return params


@pytest.fixture
def world(report, item, action, opcc_staff, pcc, force_officer, dcc, jasp, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    services.action_add_update(action=action, by=force_officer, text="Protocol drafted.")
    evidence = services.evidence_add(
        action=action,
        by=force_officer,
        description="The draft protocol",
        upload=SimpleUploadedFile("protocol.txt", b"The missing children protocol.\n"),
    )
    pending = services.action_create(
        item=item,
        by=force_officer,
        description="Train call handlers.",
        owner_user=force_officer,
        target_date=date(2030, 1, 31),
        status=ActionStatus.IN_PROGRESS,
    )
    services.evidence_add(
        action=pending, by=force_officer, description="Training log", link="https://example.org/"
    )
    pending = services.action_submit_for_sign_off(
        action=pending, by=force_officer, expected_version=pending.lock_version
    )
    Office.objects.create(
        name="Office of the Police and Crime Commissioner",
        address="Arnot Hill House\nArnold\nNottingham",
        force_name="Nottinghamshire Police",
    )
    Signatory.objects.create(name="Caroline Henry", valid_from=date(2016, 5, 12))
    people = {"opcc": opcc_staff, "pcc": pcc, "force": force_officer}
    return World(
        report,
        item,
        action,
        pending,
        evidence,
        response=response_services.response_open_for_report(report=report),
        invited_response=moved_to(ResponseStatus.CC_INVITED, people),
        drafted_response=moved_to(ResponseStatus.DRAFTING, people),
        submitted_response=moved_to(ResponseStatus.SUBMITTED, people),
        approved_response=moved_to(ResponseStatus.APPROVED, people),
        opcc_staff=opcc_staff,
        **publication_objects(people),
        **update_report_objects(opcc_staff),
    )


def publication_objects(people: dict) -> dict:
    """A response published and sent through the services, and two draft-preview renders. The
    worker's part (rendering) is stood in for by storing small files: the walk checks who may
    reach them, not what they hold."""
    response = moved_to(ResponseStatus.APPROVED, people)
    version = response_services.response_publish(
        response=response,
        by=people["opcc"],
        expected_version=response.lock_version,
        on=date(2020, 4, 21),
    )
    stand_in = b"%PDF-1.7 stand-in"
    attach_published_pdf(version_id=version.pk, data=stand_in)
    response_send(response=response, by=people["opcc"])
    preview = {"response": response, "purpose": "preview", "requested_by": people["opcc"]}
    now = timezone.now()
    failed = RenderJob.objects.create(
        source_html="<p>x</p>", state="failed", error="It broke.", finished_at=now, **preview
    )
    done = RenderJob(source_html="<p>x</p>", state="done", finished_at=now, **preview)
    done.pdf.save("preview.pdf", ContentFile(stand_in))
    return {
        "sent_response": Response.objects.get(pk=response.pk),
        "published_version": PublishedVersion.objects.get(pk=version.pk),
        "failed_job": failed,
        "done_job": done,
    }


def update_report_objects(opcc_staff) -> dict:
    """Two JASP update reports frozen through the service: one whose render failed, one with a
    stand-in PDF stored as the worker would."""
    meeting = timezone.localdate() + timedelta(days=7)
    failed = update_report_freeze(meeting_date=meeting, since=None, by=opcc_staff)
    UpdateReport.objects.filter(pk=failed.pk).update(
        state="failed", error="It broke.", finished_at=timezone.now()
    )
    done = update_report_freeze(meeting_date=meeting, since=None, by=opcc_staff)
    store_pdf(done, b"%PDF-1.7 stand-in", 1)
    return {"failed_paper": failed, "done_paper": done}


def moved_to(status: ResponseStatus, people: dict) -> Response:
    """A response (to a report of its own, with no items) moved by the services to `status`."""
    report = ReportFactory()
    response = response_services.response_open_for_report(report=report)
    steps = [
        lambda r: response_services.response_invite_chief_constable(
            response=r,
            by=people["opcc"],
            invited_on=date(2020, 3, 2),
            cc_due_on=date(2020, 3, 26),
            expected_version=r.lock_version,
        ),
        lambda r: response_services.response_record_cc_comments(
            response=r,
            by=people["force"],
            received_on=date(2020, 3, 20),
            comments="The force welcomes the report.",
            expected_version=r.lock_version,
        ),
        lambda r: response_services.response_save_draft(
            response=r,
            by=people["opcc"],
            expected_version=r.lock_version,
            letter={
                "letter_date": date(2020, 4, 20),
                "pcc_comments": "I welcome this report.",
                "pcc_comments_on_cc": "I support the Chief Constable's comments.",
            },
            annex={},
        ),
        lambda r: response_services.response_submit_for_approval(
            response=r, by=people["opcc"], expected_version=r.lock_version
        ),
        lambda r: response_services.response_approve(
            response=r, by=people["pcc"], expected_version=r.lock_version
        ),
    ]
    for step in steps:
        response = step(response)
        if response.status == status:
            break
    assert response.status == status
    return response


# --- Expected outcomes -------------------------------------------------------------------------


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
    if rule == CALENDAR_FEED:
        return Outcome(_only(404) if method == "GET" else _only(405))
    if persona == ANONYMOUS:
        if rule == LOGIN_PAGE:
            return Outcome(_only(200))  # the form, or the form with its errors
        return Outcome(_only(302), redirect_to=(login,), with_next=True)
    if rule == LOGIN_PAGE:
        return Outcome(_only(302), redirect_to=(resolve_url(settings.LOGIN_REDIRECT_URL),))
    if rule == LOGOUT:
        if method == "GET":
            return Outcome(_only(405))  # logging out takes a POST (Django's LogoutView)
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


# --- The database, before and after ------------------------------------------------------------

SNAPSHOT_APPS = (
    "auth",
    "contenttypes",
    "admin",
    "accounts",
    "inspections",
    "responses",
    "reminders",
    "dashboards",
)


def _snapshot_models() -> list[type[models.Model]]:
    return [
        model
        for label in SNAPSHOT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]


@cache
def _snapshot_sql() -> str:
    """One query for the lot (the walk takes hundreds of snapshots): each row as text."""
    quote = connection.ops.quote_name
    selects = []
    for model in _snapshot_models():
        row = " || '|' || ".join(
            f"COALESCE(CAST({quote(field.column)} AS TEXT), '-')"
            for field in model._meta.concrete_fields
        )
        pk = quote(model._meta.pk.column)
        selects.append(
            f"SELECT '{model._meta.label}', CAST({pk} AS TEXT), {row} "
            f"FROM {quote(model._meta.db_table)}"
        )
    return " UNION ALL ".join(selects)


def db_snapshot() -> dict[str, dict[str, str]]:
    """Every row, every column, of every project table: auth's users, groups and their links,
    the register and its history, the admin's log. Row counts and lock_versions included."""
    snapshot = {model._meta.label: {} for model in _snapshot_models()}
    with connection.cursor() as cursor:
        cursor.execute(_snapshot_sql())
        for label, pk, row in cursor.fetchall():
            snapshot[label][pk] = row
    return snapshot


def db_changes(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> list[str]:
    changes = []
    for label, rows in before.items():
        now = after[label]
        if rows == now:
            continue
        if len(rows) != len(now):
            changes.append(f"{label}: {len(rows)} -> {len(now)} rows")
        changed = sorted(pk for pk in rows.keys() & now.keys() if rows[pk] != now[pk])
        if changed:
            changes.append(f"{label}: rows {changed} changed")
    return changes


# --- The walk ----------------------------------------------------------------------------------


def test_every_url_pattern_has_an_access_expectation():
    assert not missing_expectations(), "\n".join(missing_expectations())
    labels = {route.label for route in url_routes()}
    stale = set(ACCESS) - labels - {"admin:*"}
    assert not stale, f"ACCESS names urls that no longer exist: {sorted(stale)}"


#: A URLconf for the test below: the project's URLs plus a page nobody decided about.
urlpatterns = [
    path("", include("pccresponse.urls")),
    path("forgotten/", View.as_view(), name="forgotten"),
]


@pytest.mark.urls(__name__)
def test_a_url_added_without_an_expectation_fails_the_walk():
    assert missing_expectations() == ["url 'forgotten' has no access expectation: add it to ACCESS"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_every_persona_as_the_access_table_says(persona, request, client, world):
    """Each URL pattern x GET and POST (an empty body) for one persona; every failure is listed.

    Nothing may change in the database on any of these requests: refused ones must not write,
    and an empty form must not save.
    """
    user = None if persona == ANONYMOUS else request.getfixturevalue(persona)
    failures = missing_expectations()
    cases = 0
    snapshot = None
    for route in url_routes():
        rule = access_rule(route)
        if rule is None:
            continue
        url = build_path(route, world.params(route))
        for method in ("GET", "POST"):
            cases += 1
            if user is not None and (snapshot is None or "_auth_user_id" not in client.session):
                client.force_login(user)  # again after a logout URL; it sets last_login
                snapshot = None
            outcome = expected(rule, route, persona, method)
            before = snapshot or db_snapshot()
            where = f"{method} {url} ({route.label}) as {persona}"
            try:
                response = client.generic(method, url)
            except Exception as error:  # the test client re-raises a view's exception: a 500
                failures.append(f"{where}: raised {error!r}")
                snapshot = None
                continue
            if response.streaming:  # the evidence file: read it, which closes it
                b"".join(response.streaming_content)
            problem = check(outcome, response, url)
            if problem:
                failures.append(f"{where}: {problem}")
            snapshot = db_snapshot()
            changes = db_changes(before, snapshot)
            if changes:
                failures.append(f"{where}: changed the database: {'; '.join(changes)}")
    assert cases > 2 * len(ACCESS), "the walk found fewer URLs than the table names"
    assert not failures, f"{len(failures)} of {cases} requests:\n" + "\n".join(failures)


# --- Valid data, and the other verbs -----------------------------------------------------------

WRITE_URLS = sorted(
    name for name, rule in ACCESS.items() if isinstance(rule, Access) and rule.write
)


def valid_post(name: str, world: World) -> dict[str, str]:
    """A POST to `name` that saves something when the right role sends it."""
    report, item, action, pending = world.report, world.item, world.action, world.pending_action
    report_fields = {
        "title": "PEEL 2025: an inspection of this force",
        "report_type": "peel",
        "scope": "this_force",
        "published_on": "2025-03-20",
        "hmicfrs_url": "",
        "summary": "",
    }
    item_fields = {
        "kind": "afi",
        "reference": "AFI 9",
        "text": "The force should record missing episodes consistently.",
        "addressee": "this_force",
        "addressee_other": "",
        "action_required": "",
        "action_required_reason": "",
        "hmicfrs_deadline": "",
        "cause_of_concern": "",
        "position": "",
    }
    data = {
        "inspections:report_create": report_fields,
        "inspections:report_update": {**report_fields, "lock_version": report.lock_version},
        "inspections:item_create": item_fields,
        "inspections:item_update": {**item_fields, "lock_version": item.lock_version},
        "inspections:item_oversight": {
            "hmicfrs_status": "complete",
            "assurance": "assured",
            "lock_version": item.lock_version,
        },
        "inspections:action_create": {
            "description": "Audit a sample of missing episodes.",
            "owner_name": "Public Protection",
            "owner_user": "",
            "target_date": "2030-12-31",
            "status": "in_progress",
        },
        "inspections:action_update": {
            "description": "Review the protocol with the local authority.",
            "owner_name": "Public Protection",
            "owner_user": "",
            "status": "in_progress",
            "lock_version": action.lock_version,
        },
        "inspections:action_target_date": {
            "new_date": "2031-03-31",
            "reason": "The partners' review moved.",
            "lock_version": action.lock_version,
        },
        "inspections:update_create": {"text": "Partners have agreed the draft."},
        "inspections:evidence_create": {
            "description": "The signed protocol",
            "link": "https://example.org/protocol",
        },
        "inspections:action_submit": {"note": "Done.", "lock_version": action.lock_version},
        "inspections:action_sign_off": {
            "decision": "close",
            "note": "",
            "lock_version": pending.lock_version,
        },
        "responses:compose": compose_post(world.response),
        "responses:assign_owner": {
            "owner": world.opcc_staff.pk,
            "lock_version": world.response.lock_version,
        },
        "responses:invite": {
            "invited_on": "2020-03-02",
            "cc_due_on": "2020-03-26",
            "lock_version": world.response.lock_version,
        },
        "responses:cc_comments": {
            "received_on": "2020-03-20",
            "comments": "The force accepts the recommendation.",
            "no_comments_reason": "",
            "lock_version": world.invited_response.lock_version,
        },
        "responses:no_cc_comments": {
            "reason": "The Chief Constable made no comments by 26 March 2020.",
            "lock_version": world.invited_response.lock_version,
        },
        "responses:submit": {"lock_version": world.drafted_response.lock_version},
        "responses:approve": {
            "decision": "approve",
            "comments": "",
            "lock_version": world.submitted_response.lock_version,
        },
        "responses:publish": {
            "published_on": "2020-04-20",
            "lock_version": world.approved_response.lock_version,
        },
        "responses:send": {"confirm_again": "on"},
        "responses:reopen": {
            "reason": "Recommendation 1's owner was wrong.",
            "lock_version": world.sent_response.lock_version,
        },
        "responses:previews": {"lock_version": world.response.lock_version},
        "responses:render_job": {"action": "retry"},
        "reminders:calendar": {"do": "issue"},
        "dashboards:update_reports": {
            "meeting_date": f"{timezone.localdate() + timedelta(days=14):%Y-%m-%d}",
            "since": "",
        },
        "dashboards:update_report": {"action": "retry"},
    }
    return data[name]


def compose_post(response: Response) -> dict[str, object]:
    """The composer's letter form and annex formset, every entry explained."""
    entries = list(response.annex.all())
    data = {
        "lock_version": response.lock_version,
        "letter_date": "2020-04-20",
        "addressee": response.addressee,
        "copy_to": response.copy_to,
        "subject": response.subject,
        "opening": response.opening,
        "pcc_comments": "I welcome this report.",
        "cc_comments": "",
        "cc_no_comments_reason": "",
        "pcc_comments_on_cc": "",
        "monitoring": response.monitoring,
        "annex-TOTAL_FORMS": len(entries),
        "annex-INITIAL_FORMS": len(entries),
        "annex-MIN_NUM_FORMS": 0,
        "annex-MAX_NUM_FORMS": 500,
    }
    for index, entry in enumerate(entries):
        data |= {
            f"annex-{index}-entry": entry.pk,
            f"annex-{index}-explanation": "action_proposed",
            f"annex-{index}-text": "The force will review its protocol.",
            f"annex-{index}-owner": "Public Protection",
            f"annex-{index}-target_date": "2030-06-30",
        }
    return data


def writer_for(name: str) -> str:
    write = ACCESS[name].write
    return next(persona for persona, role in PERSONA_ROLES.items() if role in write)


def test_every_write_url_has_valid_data():
    assert set(WRITE_URLS) == {
        "inspections:report_create",
        "inspections:report_update",
        "inspections:item_create",
        "inspections:item_update",
        "inspections:item_oversight",
        "inspections:action_create",
        "inspections:action_update",
        "inspections:action_target_date",
        "inspections:update_create",
        "inspections:evidence_create",
        "inspections:action_submit",
        "inspections:action_sign_off",
        "responses:compose",
        "responses:assign_owner",
        "responses:invite",
        "responses:cc_comments",
        "responses:no_cc_comments",
        "responses:submit",
        "responses:approve",
        "responses:publish",
        "responses:send",
        "responses:reopen",
        "responses:previews",
        "responses:render_job",
        "reminders:calendar",
        "dashboards:update_reports",
        "dashboards:update_report",
    }


@pytest.mark.parametrize("name", WRITE_URLS)
def test_the_valid_data_saves_when_the_right_role_sends_it(name, request, client, world):
    """Keeps the JASP test below honest: its refused POSTs would otherwise have saved."""
    client.force_login(request.getfixturevalue(writer_for(name)))
    before = db_snapshot()
    response = client.post(world.url(name), valid_post(name, world))
    assert response.status_code == 302, response.context and response.context.get("form").errors
    assert db_changes(before, db_snapshot())


@pytest.mark.parametrize("name", WRITE_URLS)
def test_the_jasp_member_cannot_write_through_any_url_even_with_valid_data(
    name, client, jasp, world
):
    client.force_login(jasp)
    before = db_snapshot()
    response = client.post(world.url(name), valid_post(name, world))
    assert response.status_code == 403
    assert db_changes(before, db_snapshot()) == []


def test_the_jasp_member_cannot_delete_anything_through_the_admin(client, jasp, world):
    deletes = [r for r in url_routes() if r.name and r.name.endswith("_delete")]
    assert len(deletes) >= 7  # auth's user and group, and the register's models
    for route in deletes:
        url = build_path(route, world.params(route))
        client.force_login(jasp)
        before = db_snapshot()
        response = client.post(url, {"post": "yes"})
        assert response.status_code == 302, url
        assert urlsplit(response["Location"]).path == reverse("admin:login"), url
        assert db_changes(before, db_snapshot()) == [], url


def test_a_superuser_can_delete_through_the_admin(client, superuser, world):
    """Keeps the test above honest: the same POST deletes when a superuser sends it. (A report
    with evidence under it cannot be: the admin keeps evidence read-only.)"""
    spare = ReportFactory()
    client.force_login(superuser)
    response = client.post(
        reverse("admin:inspections_report_delete", args=[spare.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Report.objects.filter(pk=spare.pk).exists()


@pytest.mark.parametrize("name", WRITE_URLS)
def test_readers_cannot_write_with_put_patch_or_delete(name, request, client, world):
    url = world.url(name)
    body = urlencode(valid_post(name, world))
    for persona in ("jasp", "pcc"):
        client.force_login(request.getfixturevalue(persona))
        for method in ("PUT", "PATCH", "DELETE"):
            before = db_snapshot()
            response = client.generic(
                method, url, body, content_type="application/x-www-form-urlencoded"
            )
            assert response.status_code in (403, 405), f"{method} {url} as {persona}"
            assert db_changes(before, db_snapshot()) == [], f"{method} {url} as {persona}"


def test_a_superuser_gets_into_the_admin(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200
