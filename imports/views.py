"""Importing items: the page to paste or upload on, and the import's page (the file's
progress, then the preview to correct and save). Only the register's editors use either."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, TemplateView

from accounts.roles import REGISTER_EDITORS, RoleRequiredMixin
from core.jobs import job_outcome
from core.requests import htmx
from core.views import attach_errors
from inspections.choices import ItemKind
from inspections.models import Report

from . import preview, services
from .forms import RowFormSet, SourceForm, upload_help
from .matching import duplicates_of
from .models import ImportJob
from .rows import row_from_proposal


class ImportStartView(RoleRequiredMixin, FormView):
    allowed_roles = REGISTER_EDITORS
    template_name = "imports/start.html"
    form_class = SourceForm

    def load_objects(self):
        self.report = get_object_or_404(Report, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, upload_help=upload_help(), **kwargs)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                if form.cleaned_data["upload"]:
                    job = services.import_from_file(
                        report=self.report, upload=form.cleaned_data["upload"], by=self.person
                    )
                else:
                    job = services.import_from_text(
                        report=self.report, text=form.cleaned_data["text"], by=self.person
                    )
        except services.NothingFound as nothing:
            form.add_error(None, nothing.message)
            return self.render_to_response(self.get_context_data(form=form, lines=nothing.lines))
        except ValidationError as error:
            attach_errors(form, error)
            return self.form_invalid(form)
        return redirect(job)


class ImportJobView(RoleRequiredMixin, TemplateView):
    """While a file is read: its progress (the status part polls every second). Then the
    preview: POST saves it, or merges, splits or adds rows and shows it again."""

    allowed_roles = REGISTER_EDITORS
    template_name = "imports/job.html"

    def load_objects(self):
        self.job = get_object_or_404(
            ImportJob.objects.select_related("report"), pk=self.kwargs["pk"]
        )
        self.report = self.job.report

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if (
            htmx(request)
            and job_outcome(self.job).state == ImportJob.State.DONE
            and self.job.proposals
        ):
            response["HX-Refresh"] = "true"  # load the page again: the preview is ready
        return response

    def get_template_names(self):
        if htmx(self.request):
            return ["imports/partials/status.html"]
        return [self.template_name]

    def get_context_data(self, formset=None, **kwargs):
        job, outcome = self.job, job_outcome(self.job)
        context = {"job": job, "report": self.report, "outcome": outcome}
        previewing = outcome.state == ImportJob.State.DONE and job.proposals and not job.saved_at
        if previewing and not htmx(self.request):
            if formset is None:
                formset = self._formset(rows=[row_from_proposal(p) for p in job.proposals])
            context |= self._preview(formset)
        return super().get_context_data(**context, **kwargs)

    def _existing_causes(self):
        return self.report.items.filter(kind=ItemKind.CAUSE_OF_CONCERN).order_by("position", "pk")

    def _formset(self, rows=None, data=None):
        if data is not None:
            raw = RowFormSet(data, prefix="rows")
            rows = preview.raw_rows(raw)
        parents = preview.parent_choices(rows, self._existing_causes())
        if data is not None:
            return RowFormSet(data, prefix="rows", form_kwargs={"parents": parents})
        return RowFormSet(initial=rows, prefix="rows", form_kwargs={"parents": parents})

    def _preview(self, formset) -> dict:
        rows = preview.raw_rows(formset) if formset.is_bound else formset.initial
        duplicates = duplicates_of(self.report, rows)
        forms = [(form, duplicates.get(index)) for index, form in enumerate(formset.forms)]
        return {"formset": formset, "rows": forms, "duplicate_count": len(duplicates)}

    def post(self, request, *args, **kwargs):
        if job_outcome(self.job).state != ImportJob.State.DONE or self.job.saved_at:
            messages.error(request, "This import has nothing to save.")
            return redirect(self.job)
        action = request.POST.get("do", "")
        if action == "save":
            return self._save()
        rows = preview.raw_rows(RowFormSet(request.POST, prefix="rows"))
        verb, _, index = action.partition(":")
        index = int(index) if index.isdigit() else -1
        if verb == "merge":
            rows = preview.merge_with_next(rows, index)
        elif verb == "split":
            rows = preview.split(rows, index)
        elif verb == "add":
            rows = preview.add_row(rows)
        return self.render_to_response(self.get_context_data(formset=self._formset(rows=rows)))

    def _save(self):
        formset = self._formset(data=self.request.POST)
        if formset.is_valid():
            rows = [form.cleaned_data for form in formset.forms]
            try:
                with transaction.atomic():
                    created = services.import_save(job=self.job, rows=rows, by=self.person)
            except ValidationError as error:
                formset._non_form_errors = formset.error_class(error.messages)
            else:
                messages.success(
                    self.request, f"{created} item{'s' if created != 1 else ''} created."
                )
                return redirect(self.report)
        return self.render_to_response(self.get_context_data(formset=formset))
