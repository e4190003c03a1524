"""The table: for each URL name, who may read it and who may write through it."""

from dataclasses import dataclass

from accounts.roles import Role
from inspections.workflow import ACTIONS
from responses.workflow import RESPONSES


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
LOGOUT = "log out: a question on GET, signed out by POST, for any signed-in user"
ADMIN_SITE = "the Django admin: superusers only, whatever their role"
CALENDAR_FEED = "a calendar feed: no login, the token is the key; a wrong one is not found"
SIGN_IN_PAGES = (
    "django-allauth's own pages (signing in, passwords, two-factor, identity providers, "
    "sessions): about the visitor's own sign-in, checked by allauth; never an error, never a "
    "change to the register"
)
SECURITY_TXT = "security.txt: open to all, GET only"
HEALTH = "health checks: no login, GET only; /readyz is 503 while a part is failing"
METRICS = "metrics: no login; the scrape token or an allowed address, else 403 for everyone"
AUDIT_TRAIL = "the audit trail: administrators and superusers only; GET only"

#: Every role that reads the register: all but the administrator, who manages people only.
EVERY_ROLE = frozenset(Role) - {Role.ADMINISTRATOR}
ADMIN = frozenset({Role.ADMINISTRATOR})
OPCC = frozenset({Role.OPCC_STAFF})
FORCE = frozenset({Role.FORCE_STAFF, Role.DCC})
DCC = frozenset({Role.DCC})
PCC = frozenset({Role.PCC})
OPCC_AND_PCC = frozenset({Role.OPCC_STAFF, Role.PCC})


def step(workflow, url_name: str, obj: str) -> Access:
    """A workflow step's page: exactly the roles the declared workflow gives its transitions
    read and post it (inspections.workflow, responses.workflow)."""
    roles = workflow.roles_for_url(url_name)
    assert roles, f"{url_name} is not a step of the declared workflow"
    return Access(read=roles, write=roles, obj=obj)


ACCESS: dict[str, Access | str] = {
    "account_login": LOGIN_PAGE,
    "account_logout": LOGOUT,
    # Every other allauth pattern (routes.access_rule): one rule, as for the admin.
    "allauth:*": SIGN_IN_PAGES,
    "security_txt": SECURITY_TXT,
    # One's own account page: every role reads it; nothing to write.
    "account": Access(read=EVERY_ROLE | ADMIN, write=None),
    # The session warning's "stay signed in", and signing out on every device.
    "session_keepalive": Access(read=EVERY_ROLE | ADMIN, write=None),
    # The people page: administrators only, who invite, give roles, deactivate and unlock.
    "people:list": Access(read=ADMIN, write=ADMIN),
    "people:person": Access(read=ADMIN, write=ADMIN, obj="opcc_staff"),
    "sign_out_everywhere": LOGOUT,
    # Every admin pattern, named or not, present or added later: the admin site checks them all
    # in one place (accounts.admin_site), so one rule covers them.
    "admin:*": ADMIN_SITE,
    # For the load balancer and monitoring: no login, nothing but ok or failing per part.
    "healthz": HEALTH,
    "readyz": HEALTH,
    # Prometheus: the token or an allowed address (none in the walk), else a bare 403.
    "metrics": METRICS,
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
    # Withdraw, never delete: the OPCC withdraws and restores; only it sees what was withdrawn.
    "inspections:report_withdraw": Access(read=OPCC, write=OPCC, obj="report"),
    "inspections:report_restore": Access(read=OPCC, write=OPCC, obj="withdrawn_report"),
    "inspections:item_withdraw": Access(read=OPCC, write=OPCC, obj="item"),
    "inspections:item_restore": Access(read=OPCC, write=OPCC, obj="withdrawn_item"),
    "inspections:withdrawn_reports": Access(read=OPCC, write=None),
    # The force's actions: force staff and the DCC record them; only the DCC signs off.
    "inspections:action_create": Access(read=FORCE, write=FORCE, obj="item"),
    "inspections:action_update": Access(read=FORCE, write=FORCE, obj="action"),
    "inspections:action_target_date": Access(read=FORCE, write=FORCE, obj="action"),
    "inspections:update_create": Access(read=FORCE, write=FORCE, obj="action"),
    "inspections:evidence_create": Access(read=FORCE, write=FORCE, obj="action"),
    "inspections:evidence_download": Access(read=EVERY_ROLE, write=None, obj="evidence"),
    "inspections:action_submit": step(ACTIONS, "inspections:action_submit", "action"),
    "inspections:action_sign_off": step(ACTIONS, "inspections:action_sign_off", "pending_action"),
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
    "responses:assign_owner": step(RESPONSES, "responses:assign_owner", "response"),
    "responses:invite": step(RESPONSES, "responses:invite", "response"),
    "responses:cc_comments": step(RESPONSES, "responses:cc_comments", "invited_response"),
    "responses:no_cc_comments": step(RESPONSES, "responses:no_cc_comments", "invited_response"),
    "responses:submit": step(RESPONSES, "responses:submit", "drafted_response"),
    "responses:approve": step(RESPONSES, "responses:approve", "submitted_response"),
    "responses:publish": step(RESPONSES, "responses:publish", "approved_response"),
    "responses:compose": step(RESPONSES, "responses:compose", "response"),
    "responses:letter": Access(read=OPCC_AND_PCC, write=None, obj="response"),
    "responses:versions": Access(read=OPCC_AND_PCC, write=None, obj="response"),
    "responses:compare": Access(read=OPCC_AND_PCC, write=None, obj="response"),
    # Publication: the office sends and reopens; OPCC and PCC make draft PDFs and watch renders.
    "responses:send": step(RESPONSES, "responses:send", "sent_response"),
    "responses:reopen": step(RESPONSES, "responses:reopen", "sent_response"),
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
    # Importing a report's items: the office keeps the register, so only the office imports.
    "imports:start": Access(read=OPCC, write=OPCC, obj="report"),
    "imports:job": Access(read=OPCC, write=OPCC, obj="import_job"),
    # The audit trail and its exports: for administrators alone (audit_viewer.access).
    "audit:entries": AUDIT_TRAIL,
    "audit:entries_csv": AUDIT_TRAIL,
    "audit:entries_xlsx": AUDIT_TRAIL,
}

ANONYMOUS = "anonymous"
#: Each signed-in persona (a fixture in tests/conftest.py) and the role it holds.
PERSONA_ROLES: dict[str, Role | None] = {
    "opcc_staff": Role.OPCC_STAFF,
    "pcc": Role.PCC,
    "force_officer": Role.FORCE_STAFF,
    "dcc": Role.DCC,
    "jasp": Role.JASP,
    "administrator": Role.ADMINISTRATOR,
    "outsider": None,
    # The support login: the only one the admin lets in; a superuser flag grants no app role.
    "superuser": None,
}
PERSONAS = [ANONYMOUS, *PERSONA_ROLES]
