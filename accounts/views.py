"""The signed-in user's own account page."""

from django.views.generic import TemplateView

from .roles import READERS, RoleRequiredMixin, user_roles

#: What each role may do, as the account page explains it (the views enforce it).
ROLE_DUTIES = {
    "OPCC staff": "Records reports and items; drafts, submits, publishes and sends responses.",
    "PCC": "Approves section 55 responses or returns them with comments.",
    "Force staff": "Records the force's actions, progress updates and evidence.",
    "Deputy Chief Constable": "As force staff, and signs off or returns actions.",
    "JASP member": "Reads the register, the responses and the dashboards; changes nothing.",
}


class AccountView(RoleRequiredMixin, TemplateView):
    """Who you are signed in as and what your roles let you do: no query beyond the session's."""

    allowed_roles = READERS
    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs):
        held = sorted(user_roles(self.request.user))
        roles = [(role.label, ROLE_DUTIES[role.value]) for role in held]
        return super().get_context_data(roles=roles, **kwargs)
