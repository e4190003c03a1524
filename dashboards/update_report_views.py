"""JASP update reports: the list of papers (the office freezes a new one there), one paper's
page with its PDF's progress, and the PDF itself. Every reader may read; only the office
writes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

import audit
from accounts.roles import READERS, UPDATE_REPORT_WRITERS, RoleRequiredMixin, has_role
from audit.models import AuditKind
from core.jobs import job_outcome
from core.requests import htmx
from core.views import PagedListView

from . import update_reports
from .forms import UpdateReportForm
from .models import UpdateReport


class UpdateReportListView(RoleRequiredMixin, PagedListView):
    allowed_roles = READERS
    write_roles = UPDATE_REPORT_WRITERS
    template_name = "dashboards/update_report_list.html"
    context_object_name = "papers"
    paginate_by = 25
    http_method_names = ["get", "post", "head", "options"]
    queryset = UpdateReport.objects.select_related("requested_by").defer("snapshot")

    def get_context_data(self, **kwargs):
        can_freeze = has_role(self.request.user, UPDATE_REPORT_WRITERS)
        form = kwargs.pop("form", None) or (UpdateReportForm() if can_freeze else None)
        return super().get_context_data(form=form, **kwargs)

    def post(self, request, *args, **kwargs):
        form = UpdateReportForm(request.POST)
        if form.is_valid():
            try:
                paper = update_reports.update_report_freeze(
                    meeting_date=form.cleaned_data["meeting_date"],
                    since=form.cleaned_data["since"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(paper)
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form))


class UpdateReportMixin(RoleRequiredMixin):
    allowed_roles = READERS

    def load_objects(self):
        self.paper = get_object_or_404(
            UpdateReport.objects.select_related("requested_by"), pk=self.kwargs["pk"]
        )


class UpdateReportView(UpdateReportMixin, TemplateView):
    """The frozen paper as a page, and its PDF's progress: the status part is fetched again
    every second (htmx) until the render has finished. POST tries a failed render again."""

    write_roles = UPDATE_REPORT_WRITERS
    template_name = "dashboards/update_report_detail.html"
    http_method_names = ["get", "post", "head", "options"]

    def get_template_names(self):
        if htmx(self.request):
            return ["dashboards/update_report/status.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        paper = self.paper
        context = {
            "paper": paper,
            "outcome": job_outcome(paper),
            "can_freeze": has_role(self.request.user, UPDATE_REPORT_WRITERS),
        }
        if not htmx(self.request):
            context |= update_reports.report_context(paper)
        return super().get_context_data(**context, **kwargs)

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") != "retry":
            messages.error(request, "Use the Try again button to render this PDF again.")
            return redirect(self.paper)
        try:
            update_reports.update_report_retry(report=self.paper, by=request.user)
        except update_reports.NothingToRetry as refusal:
            messages.error(request, str(refusal))
        return redirect(self.paper)


class UpdateReportPdfView(UpdateReportMixin, View):
    def get(self, request, *args, **kwargs):
        paper = self.paper
        if not paper.pdf_ready:
            raise Http404("This paper's PDF is not ready.")
        audit.record(
            AuditKind.PDF_DOWNLOAD, request=request, obj=paper, filename=paper.download_name
        )
        response = FileResponse(
            paper.pdf.open("rb"),
            as_attachment=True,
            filename=paper.download_name,
            content_type="application/pdf",
        )
        response["ETag"] = f'"{paper.pdf_sha256}"'
        return response
