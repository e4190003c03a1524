from django.utils import timezone
from django.views.generic import DetailView

from accounts.roles import (
    CC_COMMENTERS,
    DRAFT_READERS,
    READERS,
    RESPONSE_APPROVERS,
    RESPONSE_DRAFTERS,
    RoleRequiredMixin,
    has_role,
)

from .. import selectors
from ..choices import PUBLISHED_STATES
from ..deadlines import working_days_left
from ..gate import response_missing_parts
from ..versions import changes_since_approval
from ..workflow import buttons


class ResponseDetailView(RoleRequiredMixin, DetailView):
    """One response: where it is in the workflow, its deadline and how it was worked out, what
    it still lacks, and the steps the reader's role may take from here."""

    allowed_roles = READERS
    template_name = "responses/detail.html"
    context_object_name = "response"

    def get_queryset(self):
        return selectors.response_detail()

    def get_context_data(self, **kwargs):
        response = self.object
        user = self.request.user
        today = timezone.localdate()
        status = response.status
        may = {
            "draft": has_role(user, RESPONSE_DRAFTERS),
            "approve": has_role(user, RESPONSE_APPROVERS),
            "comment": has_role(user, CC_COMMENTERS),
            "read_drafts": has_role(user, DRAFT_READERS),
        }
        published = status in PUBLISHED_STATES
        steps = buttons(response, user, today)
        days = response.days_left(today)
        return super().get_context_data(
            report=response.report,
            today=today,
            deadline=response.deadline,
            days_left=days,
            days_overdue=-days if days is not None and days < 0 else None,
            working_days=(
                working_days_left(response.due_on, today)
                if response.due_on and not response.published_on
                else None
            ),
            is_overdue=response.is_overdue(today),
            published_versions=response.published_versions.select_related(
                "published_by"
            ).prefetch_related("dispatches__sent_by"),
            published=published,
            may=may,
            steps=steps,
            since_approval=changes_since_approval(response) if may["read_drafts"] else None,
            # The gate, for those who complete and approve the response, until it is published.
            missing=(
                response_missing_parts(response=response)
                if may["read_drafts"] and not published
                else None
            ),
            **kwargs,
        )
