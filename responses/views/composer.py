# Placeholder until the responses UI lands (this session); replaced wholesale.
from django.views.generic import TemplateView

from accounts.roles import DRAFT_READERS, RESPONSE_DRAFTERS, RoleRequiredMixin


class _Placeholder(RoleRequiredMixin, TemplateView):
    template_name = "base.html"


class ComposeView(_Placeholder):
    allowed_roles = RESPONSE_DRAFTERS


class LetterPreviewView(_Placeholder):
    allowed_roles = DRAFT_READERS


class VersionListView(_Placeholder):
    allowed_roles = DRAFT_READERS


class CompareVersionsView(_Placeholder):
    allowed_roles = DRAFT_READERS
