# Placeholder until the responses UI lands (this session); replaced wholesale.
from django.views.generic import TemplateView

from accounts.roles import READERS, RoleRequiredMixin


class ResponseDetailView(RoleRequiredMixin, TemplateView):
    allowed_roles = READERS
    template_name = "base.html"
