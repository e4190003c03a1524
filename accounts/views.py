"""The signed-in user's own account page, the session keep-alive, signing out everywhere, and
security.txt."""

import datetime

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.site import absolute_url

from .roles import PEOPLE_ADMINS, READERS, WRITERS, RoleRequiredMixin, user_roles
from .sessions import sessions_end_for

#: What each role may do, as the account page explains it (the views enforce it).
ROLE_DUTIES = {
    "OPCC staff": "Records reports and items; drafts, submits, publishes and sends responses.",
    "PCC": "Approves section 55 responses or returns them with comments.",
    "Force staff": "Records the force's actions, progress updates and evidence.",
    "Deputy Chief Constable": "As force staff, and signs off or returns actions.",
    "JASP member": "Reads the register, the responses and the dashboards; changes nothing.",
    "Administrator": "Invites people, gives and takes away roles, deactivates, unlocks.",
}


class AccountView(RoleRequiredMixin, TemplateView):
    """Who you are signed in as and what your roles let you do: no query beyond the session's."""

    allowed_roles = READERS | PEOPLE_ADMINS
    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs):
        held = sorted(user_roles(self.request.user))
        roles = [(role.label, ROLE_DUTIES[role.value]) for role in held]
        return super().get_context_data(
            roles=roles,
            user_has_second_factor=is_mfa_enabled(self.request.user),
            second_factor_required=bool(set(held) & WRITERS),
            **kwargs,
        )


class SessionKeepAliveView(RoleRequiredMixin, View):
    """The session warning's "stay signed in": a request, so the idle clock starts again
    (accounts.sessions)."""

    allowed_roles = READERS | PEOPLE_ADMINS

    def get(self, request):
        return HttpResponse(
            "Still signed in.", content_type="text/plain", headers={"Cache-Control": "no-store"}
        )


class SignOutEverywhereView(TemplateView):
    """Ends every session of the signed-in user, this one included (accounts.sessions). Open
    to anyone signed in, with a role or not (LoginRequiredMiddleware stops the rest)."""

    template_name = "accounts/sign_out_everywhere.html"

    def post(self, request):
        user = request.user
        logout(request)
        sessions_end_for(user=user)
        messages.success(request, "You are signed out on every device and browser.")
        return redirect(settings.LOGIN_URL)


@login_not_required
@require_GET
def security_txt(request):
    """RFC 9116: how to report a vulnerability, from the SECURITY_CONTACT setting."""
    expires = (timezone.now() + datetime.timedelta(days=180)).strftime("%Y-%m-%dT00:00:00Z")
    lines = [f"Contact: {settings.SECURITY_CONTACT}", f"Expires: {expires}"]
    lines += ["Preferred-Languages: en", f"Canonical: {absolute_url(request.path)}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
