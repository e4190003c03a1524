# Placeholder until the responses UI lands (this session); replaced wholesale.
from django.views.generic import TemplateView

from accounts.roles import READERS, RESPONSE_DRAFTERS, RoleRequiredMixin


class ResponseListView(RoleRequiredMixin, TemplateView):
    allowed_roles = READERS
    template_name = "base.html"


class MyResponsesView(RoleRequiredMixin, TemplateView):
    allowed_roles = RESPONSE_DRAFTERS
    template_name = "base.html"
