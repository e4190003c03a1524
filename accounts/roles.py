"""The six roles, held as Django groups, and the one place that answers "may this user do X"."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from core.requests import ViewMixin, signed_in_user


class Role(models.TextChoices):
    # The value is the group's name; the label is how the role is shown.
    OPCC_STAFF = "OPCC staff", "OPCC staff"
    PCC = "PCC", "PCC"
    FORCE_STAFF = "Force staff", "Force staff"
    DCC = "Deputy Chief Constable", "Deputy Chief Constable"
    JASP = "JASP member", "JASP member"
    #: Manages the people of the app (the people page): not a Django superuser, and it reads
    #: no register by itself (an office's administrator usually holds OPCC staff too).
    ADMINISTRATOR = "Administrator", "Administrator"


#: Who invites people, gives and takes away roles, deactivates and unlocks accounts.
PEOPLE_ADMINS = frozenset({Role.ADMINISTRATOR})
#: Everyone who may read the registers: every role but the administrator's, including the
#: read-only JASP member.
READERS = frozenset(Role) - PEOPLE_ADMINS
#: Who records and edits reports and their items.
REGISTER_EDITORS = frozenset({Role.OPCC_STAFF})
#: Who records the force's actions, updates and evidence.
ACTION_EDITORS = frozenset({Role.FORCE_STAFF, Role.DCC})
#: Who signs off or returns an action.
SIGN_OFF = frozenset({Role.DCC})
#: Who records HMICFRS's own status of an item and the office's assurance.
ASSURANCE_EDITORS = frozenset({Role.OPCC_STAFF})
#: Who drafts, submits and publishes section 55 responses.
RESPONSE_DRAFTERS = frozenset({Role.OPCC_STAFF})
#: Who approves a response or returns it.
RESPONSE_APPROVERS = frozenset({Role.PCC})
#: Who enters the Chief Constable's comments.
CC_COMMENTERS = frozenset({Role.FORCE_STAFF, Role.DCC})
#: Who may read the DCC's dashboard: the force, and the office and PCC who hold it to account.
#: (JASP members read their own dashboard and the same lists behind it.)
DCC_DASHBOARD_READERS = frozenset({Role.DCC, Role.FORCE_STAFF, Role.OPCC_STAFF, Role.PCC})
#: Who freezes a JASP update report for a meeting (the office prepares the panel's papers);
#: every reader may read and download them.
UPDATE_REPORT_WRITERS = frozenset({Role.OPCC_STAFF})
#: Every role that can change anything: each needs a second factor (accounts.mfa).
WRITERS = (
    REGISTER_EDITORS
    | ACTION_EDITORS
    | SIGN_OFF
    | ASSURANCE_EDITORS
    | RESPONSE_DRAFTERS
    | RESPONSE_APPROVERS
    | CC_COMMENTERS
    | UPDATE_REPORT_WRITERS
    | PEOPLE_ADMINS
)
#: Who may read a response's drafts and versions before it is published.
DRAFT_READERS = frozenset({Role.OPCC_STAFF, Role.PCC})


def user_roles(user) -> frozenset[Role]:
    """The roles a user holds, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_pcc_roles"):
        names = set(user.groups.values_list("name", flat=True))
        user._pcc_roles = frozenset(role for role in Role if role.value in names)
    return user._pcc_roles


def has_role(user, roles: Iterable[Role]) -> bool:
    return bool(user_roles(user) & frozenset(roles))


class RoleRefused(PermissionDenied):
    """A 403 for want of a role; `audit_detail` is what the audit entry records with it (the
    audit middleware writes it once the request's transaction has been rolled back)."""

    def __init__(self, required: Iterable[Role]):
        super().__init__("Your role does not allow this.")
        self.audit_detail = {"roles_required": sorted(role.value for role in required)}


def require_role(user, roles: Iterable[Role]) -> None:
    if not has_role(user, roles):
        raise RoleRefused(roles)


class RoleRequiredMixin(AccessMixin, ViewMixin):
    """Class-based views: anonymous users go to login, users without the role get 403.

    `allowed_roles` covers every method; `write_roles`, when set, narrows POST/PUT/PATCH/DELETE.
    `load_objects` runs only after the check, so a user without the role learns nothing from it.
    """

    allowed_roles: frozenset[Role] = frozenset()
    write_roles: frozenset[Role] | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        roles = self.allowed_roles
        if request.method not in ("GET", "HEAD", "OPTIONS") and self.write_roles is not None:
            roles = self.write_roles
        require_role(request.user, roles)
        self.load_objects()
        return super().dispatch(request, *args, **kwargs)

    @property
    def person(self) -> User:
        """The signed-in user making the request, for the services' `by`."""
        return signed_in_user(self.request)

    def load_objects(self) -> None:
        """Fetch the objects named in the URL (self.kwargs); overridden by views that need them."""


def users_with_roles(roles: Iterable[Role]):
    """Active users holding any of `roles`, by name: the choices for an owner field."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=[role.value for role in roles], is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
