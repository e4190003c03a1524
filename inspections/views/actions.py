from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View

import audit
from accounts.roles import ACTION_EDITORS, READERS, RoleRequiredMixin
from audit.models import AuditKind
from core.views import ServiceFormView

from .. import services
from ..forms import ActionCreateForm, ActionForm, EvidenceForm, TargetDateForm, UpdateForm
from ..models import Action, Evidence, Item


class ActionFormView(RoleRequiredMixin, ServiceFormView):
    """Base for the views that act on one action: loads it (after the role check) with its item."""

    allowed_roles = ACTION_EDITORS
    verb = ""

    def load_objects(self):
        self.action = get_object_or_404(
            Action.objects.select_related("item__report", "owner_user"), pk=self.kwargs["pk"]
        )
        self.page_title = f"{self.verb}: {self.action.item}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.action, item=self.action.item, **kwargs)

    def success_url_for(self, result):
        return self.action.get_absolute_url()

    def versioned_initial(self) -> dict:
        return {"lock_version": self.action.lock_version}


class ActionCreateView(RoleRequiredMixin, ServiceFormView):
    allowed_roles = ACTION_EDITORS
    form_class = ActionCreateForm
    success_message = "Action added."

    def load_objects(self):
        self.item = get_object_or_404(Item.objects.select_related("report"), pk=self.kwargs["pk"])
        self.page_title = f"Add an action to {self.item}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def perform(self, form):
        return services.action_create(item=self.item, by=self.person, **form.cleaned_data)


class ActionUpdateView(ActionFormView):
    form_class = ActionForm
    verb = "Edit action"
    success_message = "Action saved."

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Action.objects.get(pk=self.action.pk)
        kwargs["initial"] = self.versioned_initial()
        return kwargs

    def perform(self, form):
        data = form.cleaned_data
        return services.action_update(
            action=self.action,
            by=self.person,
            expected_version=data["lock_version"],
            description=data["description"],
            owner_name=data["owner_name"],
            owner_user=data["owner_user"],
            status=data["status"],
        )


class TargetDateView(ActionFormView):
    form_class = TargetDateForm
    verb = "Change target date"
    success_message = "Target date changed."

    def get_initial(self):
        return {**self.versioned_initial(), "new_date": self.action.target_date}

    def perform(self, form):
        data = form.cleaned_data
        return services.action_change_target_date(
            action=self.action,
            by=self.person,
            expected_version=data["lock_version"],
            new_date=data["new_date"],
            reason=data["reason"],
        )


class UpdateCreateView(ActionFormView):
    form_class = UpdateForm
    verb = "Post a progress update"
    success_message = "Update posted."

    def perform(self, form):
        return services.action_add_update(
            action=self.action, by=self.person, text=form.cleaned_data["text"]
        )


class EvidenceCreateView(ActionFormView):
    form_class = EvidenceForm
    verb = "Add evidence"
    success_message = "Evidence added."

    def perform(self, form):
        data = form.cleaned_data
        return services.evidence_add(
            action=self.action,
            by=self.person,
            description=data["description"],
            upload=data["upload"],
            link=data["link"],
        )


class EvidenceDownloadView(RoleRequiredMixin, View):
    """Evidence files are never served from a public URL: only through this role check."""

    allowed_roles = READERS

    def get(self, request, pk):
        evidence = get_object_or_404(Evidence, pk=pk)
        if not evidence.file:
            raise Http404("This evidence is a link, not a file.")
        audit.record(
            AuditKind.EVIDENCE_DOWNLOAD,
            request=request,
            obj=evidence,
            action_id=evidence.action_id,
            filename=evidence.original_name,
        )
        response = FileResponse(
            evidence.file.open("rb"),
            as_attachment=True,
            filename=evidence.original_name or "evidence",
            content_type=evidence.content_type or "application/octet-stream",
        )
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response
