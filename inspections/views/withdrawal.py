"""Withdraw, never delete: OPCC staff take a wrongly recorded report or item out of the register
with a reason, find it again in the withdrawn list, and restore it."""

from typing import Any

from django.shortcuts import get_object_or_404

from accounts.roles import REGISTER_EDITORS, RoleRequiredMixin
from core.views import PagedListView, ServiceFormView

from .. import selectors, services
from ..forms import RestoreForm, WithdrawForm
from ..models import Item, Report


class _WithdrawalView(RoleRequiredMixin, ServiceFormView):
    """One report or item, loaded (after the role check) in the state the change starts from."""

    allowed_roles = REGISTER_EDITORS
    template_name = "inspections/withdrawal_form.html"
    model: type[Report] | type[Item] = Report
    withdrawn = False  # the state the object must be in now
    verb = ""
    object: Any  # the Report or Item named in the URL

    def load_objects(self):
        rows = self.model.all_objects.select_related("withdrawn_by")
        if self.model is Item:
            rows = rows.select_related("report")  # type: ignore[misc]  # an Item here
        self.object = get_object_or_404(
            rows, pk=self.kwargs["pk"], withdrawn_at__isnull=not self.withdrawn
        )
        name = self.object.title if self.model is Report else str(self.object)
        self.page_title = f"{self.verb} {name}"

    def get_initial(self):
        return {"lock_version": self.object.lock_version}

    def get_context_data(self, **kwargs):
        context = {"object": self.object, "withdrawn": self.withdrawn}
        if self.model is Report:
            context["report"] = self.object
        else:
            context.update(item=self.object, report=self.object.report)
        return super().get_context_data(**context, **kwargs)

    def service_kwargs(self, form) -> dict:
        return {
            self.model._meta.model_name: self.object,
            "by": self.person,
            "reason": form.cleaned_data["reason"],
            "expected_version": form.cleaned_data["lock_version"],
        }


class ReportWithdrawView(_WithdrawalView):
    form_class = WithdrawForm
    verb = "Withdraw"
    success_message = "Report withdrawn: it is out of the register. It can be restored here."

    def get_context_data(self, **kwargs):
        published = selectors.report_response_published(report=self.object)
        return super().get_context_data(published=published, **kwargs)

    def perform(self, form):
        return services.report_withdraw(**self.service_kwargs(form))


class ReportRestoreView(_WithdrawalView):
    form_class = RestoreForm
    withdrawn = True
    verb = "Restore"
    success_message = "Report restored to the register."

    def perform(self, form):
        return services.report_restore(**self.service_kwargs(form))


class ItemWithdrawView(_WithdrawalView):
    form_class = WithdrawForm
    model = Item
    verb = "Withdraw"
    success_message = "Item withdrawn: it is out of the register. It can be restored here."

    def perform(self, form):
        return services.item_withdraw(**self.service_kwargs(form))

    def success_url_for(self, result):
        return result.report.get_absolute_url()


class ItemRestoreView(_WithdrawalView):
    form_class = RestoreForm
    model = Item
    withdrawn = True
    verb = "Restore"
    success_message = "Item restored to the register."

    def perform(self, form):
        return services.item_restore(**self.service_kwargs(form))


class WithdrawnReportListView(RoleRequiredMixin, PagedListView):
    allowed_roles = REGISTER_EDITORS
    template_name = "inspections/withdrawn_reports.html"
    context_object_name = "reports"
    paginate_by = 25

    def get_queryset(self):
        return selectors.withdrawn_reports()
