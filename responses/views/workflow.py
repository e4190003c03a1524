"""The workflow's steps: each view parses one form and calls one service (services.py), which
checks the state, the role and, on the way to publication, the completeness gate (gate.py)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.roles import RoleRequiredMixin
from core.views import ServiceFormView

from .. import selectors, services
from ..choices import ResponseStatus
from ..deadlines import default_cc_due_on
from ..errors import IncompleteResponse
from ..forms import (
    ApprovalForm,
    ChiefConstableCommentsForm,
    InviteForm,
    NoCommentsForm,
    OwnerForm,
    PublishForm,
    SubmitForm,
)
from ..gate import response_missing_parts
from ..models import Response
from ..workflow import RESPONSES


class ResponseFormView(RoleRequiredMixin, ServiceFormView):
    """Base for the views that move one response: loads it (after the role check), shows where
    it stands, and turns the gate's refusal into a list of what is missing."""

    template_name = "responses/form.html"
    # Only GET to see the step and POST to take it: FormView would treat PUT as POST.
    http_method_names = ["get", "post", "head", "options"]
    #: The step's URL name in the declared workflow (workflow.RESPONSES): its transitions give
    #: the roles that may use the page and the states it can be taken from.
    url_name = ""
    #: Whether the page shows the completeness gate.
    shows_gate = False
    verb = ""
    refused_missing: list[str] | None = None

    def load_objects(self):
        self.response = get_object_or_404(selectors.response_detail(), pk=self.kwargs["pk"])
        self.page_title = self.verb

    def get_initial(self):
        return {"lock_version": self.response.lock_version}

    @property
    def allowed_roles(self):  # type: ignore[override]  # read from the declared workflow
        return RESPONSES.roles_for_url(self.url_name)

    @property
    def available(self) -> bool:
        return self.response.status in RESPONSES.sources_for_url(self.url_name)

    def stored_response(self) -> Response:
        """A fresh copy for the service, so that a refused change leaves the page showing what
        is really stored."""
        return Response.objects.select_related("report").get(pk=self.response.pk)

    def perform(self, form):
        try:
            return self.call_service(
                form.cleaned_data,
                response=self.stored_response(),
                by=self.person,
                expected_version=form.cleaned_data["lock_version"],
            )
        except IncompleteResponse as error:
            self.refused_missing = error.missing
            raise ValidationError(
                "The response is not complete. Still needed:",
                code="incomplete",
            ) from error

    def call_service(self, data: dict, **common) -> Response:
        raise NotImplementedError

    def success_url_for(self, result):
        return self.response.get_absolute_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            response=self.response,
            report=self.response.report,
            available=self.available,
            refused_missing=self.refused_missing,
            **kwargs,
        )
        if self.shows_gate:
            context["missing"] = (
                self.refused_missing
                if self.refused_missing is not None
                else response_missing_parts(response=self.response)
            )
        return context


class AssignOwnerView(ResponseFormView):
    url_name = "responses:assign_owner"
    form_class = OwnerForm
    verb = "Choose the response's owner"
    success_message = "Owner saved."

    def get_initial(self):
        return {**super().get_initial(), "owner": self.response.owner_id}

    def call_service(self, data, **common):
        return services.response_assign_owner(owner=data["owner"], **common)


class InviteChiefConstableView(ResponseFormView):
    """s55(4): the office invites the Chief Constable's comments by a date it sets."""

    url_name = "responses:invite"
    form_class = InviteForm
    verb = "Invite the Chief Constable's comments"
    success_message = "Invitation recorded."

    def get_initial(self):
        # Today, and a due date that leaves at least the usual time, even for a report
        # recorded late.
        today = timezone.localdate()
        least = today + datetime.timedelta(days=settings.S55_CC_MIN_DAYS)
        due = self.response.cc_due_on or default_cc_due_on(self.response.report.published_on)
        return {**super().get_initial(), "invited_on": today, "cc_due_on": max(due, least)}

    def call_service(self, data, **common):
        return services.response_invite_chief_constable(
            invited_on=data["invited_on"],
            cc_due_on=data["cc_due_on"],
            short_notice_reason=data["short_notice_reason"],
            **common,
        )


class ChiefConstableCommentsView(ResponseFormView):
    """Force staff or the DCC enter the Chief Constable's comments, or why there are none."""

    url_name = "responses:cc_comments"
    form_class = ChiefConstableCommentsForm
    template_name = "responses/cc_comments.html"
    verb = "Enter the Chief Constable's comments"
    success_message = "The Chief Constable's comments are recorded."

    def get_initial(self):
        return {**super().get_initial(), "received_on": timezone.localdate()}

    def call_service(self, data, **common):
        return services.response_record_cc_comments(
            received_on=data["received_on"],
            comments=data["comments"],
            no_comments_reason=data["no_comments_reason"],
            **common,
        )


class NoCommentsView(ResponseFormView):
    """Once the date set for the Chief Constable's comments has passed, the office may record
    that none came, so the response can go ahead within the statutory period."""

    url_name = "responses:no_cc_comments"
    form_class = NoCommentsForm
    verb = "Record that the Chief Constable made no comments"
    success_message = "Recorded: no comments from the Chief Constable."

    def get_initial(self):
        due = self.response.cc_due_on
        reason = (
            f"The Chief Constable made no comments by {due:%-d %B %Y}, the date set." if due else ""
        )
        return {**super().get_initial(), "reason": reason}

    def call_service(self, data, **common):
        return services.response_record_no_cc_comments(
            reason=data["reason"], today=timezone.localdate(), **common
        )


class SubmitForApprovalView(ResponseFormView):
    url_name = "responses:submit"
    form_class = SubmitForm
    shows_gate = True
    verb = "Submit the response for approval"
    success_message = "Submitted to the PCC for approval."

    def call_service(self, data, **common):
        return services.response_submit_for_approval(**common)


class ApprovalView(ResponseFormView):
    """The PCC approves the response, or returns it to the office with comments."""

    url_name = "responses:approve"
    form_class = ApprovalForm
    shows_gate = True
    verb = "Approve or return the response"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.response.status == ResponseStatus.APPROVED:
            form.fields["decision"].choices = [("return", "Return it for changes")]
            form.fields["decision"].initial = "return"
        return form

    def call_service(self, data, **common):
        if data["decision"] == "approve":
            self.success_message = "Approved: the office can now publish the response."
            return services.response_approve(**common)
        self.success_message = "Returned to the office with your comments."
        return services.response_return(comments=data["comments"], **common)


class PublishView(ResponseFormView):
    """Record publication of the approved response (s55(5))."""

    url_name = "responses:publish"
    form_class = PublishForm
    shows_gate = True
    verb = "Publish the response"
    success_message = (
        "Published. The PDF is being made; once it is ready you can send it to HMICFRS and "
        "the Home Secretary."
    )

    def get_initial(self):
        return {**super().get_initial(), "published_on": timezone.localdate()}

    def call_service(self, data, **common):
        return services.response_publish(
            on=data["published_on"], late_reason=data["late_reason"], **common
        )

    def success_url_for(self, result):
        # Where the new version's PDF render can be watched.
        return result.render_jobs.get().get_absolute_url()
