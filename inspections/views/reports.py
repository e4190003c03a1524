from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView

from accounts.roles import READERS, REGISTER_EDITORS, RoleRequiredMixin, has_role
from core.views import PagedListView, ServiceFormView

from .. import selectors, services
from ..filters import ReportFilterSet
from ..forms import ReportCreateForm, ReportForm
from ..models import Report


class ReportListView(RoleRequiredMixin, PagedListView):
    allowed_roles = READERS
    template_name = "inspections/report_list.html"
    context_object_name = "reports"
    paginate_by = 25

    def get_queryset(self):
        filters = ReportFilterSet(self.request.GET, years=selectors.report_years())
        self.filter_form = filters.form
        return selectors.report_list(filters=filters)

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class ReportDetailView(RoleRequiredMixin, DetailView):
    """Withdrawn reports and items stay visible, struck through, to OPCC staff (who restore them);
    to everyone else a withdrawn report is not found."""

    allowed_roles = READERS
    model = Report
    template_name = "inspections/report_detail.html"

    def get_queryset(self):
        if has_role(self.request.user, REGISTER_EDITORS):
            return Report.all_objects.select_related("withdrawn_by")
        return Report.objects.all()

    def get_context_data(self, **kwargs):
        keeper = has_role(self.request.user, REGISTER_EDITORS)
        return super().get_context_data(
            items=selectors.report_items(report=self.object, with_withdrawn=keeper),
            response_published=keeper and selectors.report_response_published(report=self.object),
            history=selectors.history_entries(self.object),
            **kwargs,
        )


class ReportCreateView(RoleRequiredMixin, ServiceFormView):
    allowed_roles = REGISTER_EDITORS
    form_class = ReportCreateForm
    page_title = "Record an HMICFRS report"
    success_message = "Report recorded. Now add its items."

    def perform(self, form):
        return services.report_create(by=self.person, **form.cleaned_data)

    def success_url_for(self, result):
        if "import_items" in self.request.POST:
            return reverse("imports:start", args=[result.pk])
        return result.get_absolute_url()


class ReportUpdateView(RoleRequiredMixin, ServiceFormView):
    allowed_roles = REGISTER_EDITORS
    form_class = ReportForm
    success_message = "Report saved."

    def load_objects(self):
        self.report = get_object_or_404(Report, pk=self.kwargs["pk"])
        self.page_title = f"Edit {self.report.title}"

    def get_form_kwargs(self):
        # A fresh copy, so a refused save leaves the page showing what is really stored.
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Report.objects.get(pk=self.report.pk)
        kwargs["initial"] = {"lock_version": self.report.lock_version}
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)

    def perform(self, form):
        fields = {k: v for k, v in form.cleaned_data.items() if k != "lock_version"}
        return services.report_update(
            report=self.report,
            by=self.person,
            expected_version=form.cleaned_data["lock_version"],
            **fields,
        )
