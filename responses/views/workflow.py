# Placeholder until the responses UI lands (this session); replaced wholesale.
from django.views.generic import TemplateView

from accounts.roles import CC_COMMENTERS, RESPONSE_APPROVERS, RESPONSE_DRAFTERS, RoleRequiredMixin


class _Placeholder(RoleRequiredMixin, TemplateView):
    template_name = "base.html"


class AssignOwnerView(_Placeholder):
    allowed_roles = RESPONSE_DRAFTERS


class InviteChiefConstableView(_Placeholder):
    allowed_roles = RESPONSE_DRAFTERS


class ChiefConstableCommentsView(_Placeholder):
    allowed_roles = CC_COMMENTERS


class SubmitForApprovalView(_Placeholder):
    allowed_roles = RESPONSE_DRAFTERS


class ApprovalView(_Placeholder):
    allowed_roles = RESPONSE_APPROVERS


class PublishView(_Placeholder):
    allowed_roles = RESPONSE_DRAFTERS
