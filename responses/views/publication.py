"""Staff pages for the PDF and for publication: draft previews, a render job's progress,
sending the published version, and reopening it for correction."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

import audit
from accounts.roles import DRAFT_READERS, RoleRequiredMixin
from audit.models import AuditKind
from core.jobs import job_outcome
from core.requests import htmx

from .. import publication, rendering, services
from ..forms import ReopenForm, SendForm
from ..models import RenderJob
from .composer import ResponseMixin
from .workflow import ResponseFormView

PREVIEWS_SHOWN = 10


class PreviewsView(ResponseMixin, RoleRequiredMixin, TemplateView):
    """The response's recent PDF renders; POST asks for a new draft preview."""

    allowed_roles = DRAFT_READERS
    template_name = "responses/previews.html"
    http_method_names = ["get", "post", "head", "options"]

    def get_context_data(self, **kwargs):
        jobs = self.response.render_jobs.select_related("requested_by", "version")
        return super().get_context_data(
            jobs=[(job, job_outcome(job)) for job in jobs[:PREVIEWS_SHOWN]], **kwargs
        )

    def post(self, request, *args, **kwargs):
        version = request.POST.get("lock_version", "")
        if not (version.isascii() and version.isdigit()):
            return self.refused("Use the button on this page to ask for a draft PDF.")
        try:
            job = rendering.request_preview(
                response=self.response, by=request.user, expected_version=int(version)
            )
        except rendering.StalePreview as stale:
            return self.refused(str(stale.message))
        return redirect(job)

    def refused(self, message: str):
        return self.render_to_response(self.get_context_data(error=message))


class RenderJobMixin(RoleRequiredMixin):
    allowed_roles = DRAFT_READERS

    def load_objects(self):
        self.job = get_object_or_404(
            RenderJob.objects.select_related("response__report", "version"), pk=self.kwargs["pk"]
        )


class RenderJobView(RenderJobMixin, TemplateView):
    """A render's progress. The status part is fetched again every second (htmx) until the job
    has finished; without script the page's own link does the same. POST tries a failed
    render again."""

    template_name = "responses/render_job.html"
    http_method_names = ["get", "post", "head", "options"]

    def get_template_names(self):
        if htmx(self.request):
            return ["responses/partials/render_status.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        job = self.job
        return super().get_context_data(
            job=job,
            outcome=job_outcome(job),
            response=job.response,
            report=job.response.report,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") != "retry":
            messages.error(request, "Use the Try again button to render this PDF again.")
            return redirect(self.job)
        try:
            again = rendering.retry(job=self.job, by=request.user)
        except rendering.NothingToRetry as refusal:
            messages.error(request, str(refusal))
            return redirect(self.job)
        return redirect(again)


class RenderJobPdfView(RenderJobMixin, View):
    """The PDF a finished render made: a draft preview here; a published version's PDF is on
    its public page."""

    def get(self, request, *args, **kwargs):
        job = self.job
        if job.state != RenderJob.State.DONE:
            raise Http404("This render has no PDF.")
        if job.version is not None:
            return redirect("public:version_pdf", pk=job.version_id)
        name = f"draft-response-{job.response.report_id}-{job.requested_at:%Y%m%d-%H%M}.pdf"
        audit.record(
            AuditKind.PDF_DOWNLOAD, request=request, obj=job.response, job_id=job.pk, filename=name
        )
        return FileResponse(job.pdf.open("rb"), as_attachment=True, filename=name)


class SendView(ResponseFormView):
    """s55(6): email the published PDF to HMICFRS and the Home Secretary."""

    url_name = "responses:send"
    form_class = SendForm
    verb = "Send the published response"
    template_name = "responses/send.html"

    def get_initial(self):
        return {}

    def perform(self, form):
        return publication.response_send(
            response=self.stored_response(),
            by=self.person,
            confirm_again=form.cleaned_data["confirm_again"],
        )

    def success_url_for(self, result):
        return self.response.get_absolute_url()

    def form_valid(self, form):
        self.success_message = "Sent to " + ", ".join(publication.recipients()) + "."
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        version = publication.latest_version(self.response)
        return super().get_context_data(
            version=version,
            dispatches=list(version.dispatches.select_related("sent_by")) if version else [],
            recipients=publication.recipients(),
            **kwargs,
        )


class ReopenView(ResponseFormView):
    """Reopen a published response to publish a corrected version."""

    url_name = "responses:reopen"
    form_class = ReopenForm
    verb = "Reopen the response for correction"
    success_message = (
        "Reopened: correct the letter and annex, then submit them for approval again. "
        "The published versions are unchanged."
    )

    def call_service(self, data, **common):
        return services.response_reopen_for_correction(reason=data["reason"], **common)
