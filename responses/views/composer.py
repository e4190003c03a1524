"""Drafting the letter and annex in the browser, previewing it, and its versions."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from accounts.roles import DRAFT_READERS, RESPONSE_DRAFTERS, RoleRequiredMixin, has_role
from core.requests import ViewMixin
from core.views import ServiceFormView

from .. import services
from ..choices import EDITABLE_STATES, PUBLISHED_STATES
from ..composer_forms import LetterForm, annex_formset
from ..gate import response_missing_parts
from ..letter import letter_context
from ..models import Response, ResponseVersion
from ..versions import compare
from ..workflow import RESPONSES

#: Version numbers are PostgreSQL integers; anything outside is not a version.
MAX_VERSION = 2**31 - 1


class ResponseMixin(ViewMixin):
    """Loads the response named in the URL, with its report (after the role check)."""

    def load_objects(self):
        self.response = get_object_or_404(
            Response.objects.select_related("report"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        response = self.response
        editable = response.status in EDITABLE_STATES
        context = {
            "response": response,
            "report": response.report,
            "is_editable": editable,
            "can_compose": editable and has_role(self.request.user, RESPONSE_DRAFTERS),
        }
        return super().get_context_data(**(context | kwargs))


class ComposeView(ResponseMixin, RoleRequiredMixin, ServiceFormView):
    """The letter and the annex in one form; one save is one call of response_save_draft."""

    allowed_roles = RESPONSES.roles_for_url("responses:compose")
    form_class = LetterForm
    template_name = "responses/compose.html"
    formset: Any = None

    def load_objects(self):
        super().load_objects()
        self.page_title = f"Draft the response to {self.response.report.title}"
        self.entries = list(
            self.response.annex.select_related("item").prefetch_related("item__actions__owner_user")
        )

    def get(self, request, *args, **kwargs):
        if self.response.status not in EDITABLE_STATES:
            messages.info(
                request,
                f"This response is {self.response.get_status_display().lower()}, so it can no "
                "longer be edited. The PCC can return it for changes.",
            )
            return redirect("responses:letter", pk=self.response.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        self.formset = annex_formset(entries=self.entries, data=request.POST)
        letter_ok, annex_ok = form.is_valid(), self.formset.is_valid()
        if letter_ok and annex_ok:
            return self.form_valid(form)
        return self.form_invalid(form)

    def get_form_kwargs(self):
        # The form gets its own copy: a refused save must not leave the page showing half of it.
        instance = Response.objects.get(pk=self.response.pk)
        initial: dict[str, object] = {"lock_version": instance.lock_version}
        if instance.letter_date is None:
            initial["letter_date"] = timezone.localdate()
        return {**super().get_form_kwargs(), "instance": instance, "initial": initial}

    def perform(self, form):
        annex = {f.cleaned_data["entry"]: f.values() for f in self.formset.forms}
        saved = services.response_save_draft(
            response=Response.objects.select_related("report").get(pk=self.response.pk),
            by=self.person,
            expected_version=form.cleaned_data["lock_version"],
            letter=form.letter(),
            annex=annex,
        )
        self.success_message = f"Draft saved as version {saved.lock_version}."
        return saved

    def success_url_for(self, result):
        return reverse("responses:compose", args=[result.pk])

    def get_context_data(self, **kwargs):
        if self.formset is None:
            self.formset = annex_formset(entries=self.entries)
        form = kwargs.setdefault("form", self.get_form())
        conflict = None
        if form.is_bound and form.has_error(NON_FIELD_ERRORS, code="edit_conflict"):
            # What the editor started from against what is stored now, for the compare link.
            conflict = {
                "old": self.request.POST.get("lock_version", ""),
                "new": form.data.get("lock_version"),
            }
        return super().get_context_data(
            formset=self.formset,
            conflict=conflict,
            missing=response_missing_parts(response=self.response),
            **kwargs,
        )


class LetterPreviewView(ResponseMixin, RoleRequiredMixin, TemplateView):
    """The letter and annex as they will be published; marked as a draft until they are."""

    allowed_roles = DRAFT_READERS
    template_name = "responses/letter.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            is_draft=self.response.status not in PUBLISHED_STATES,
            **letter_context(response=self.response),
            **kwargs,
        )


class VersionListView(ResponseMixin, RoleRequiredMixin, TemplateView):
    allowed_roles = DRAFT_READERS
    template_name = "responses/versions.html"

    def get_context_data(self, **kwargs):
        versions = list(self.response.versions.select_related("saved_by").defer("content"))
        return super().get_context_data(versions=versions, **kwargs)


class BadComparison(Exception):
    pass


class CompareVersionsView(ResponseMixin, RoleRequiredMixin, TemplateView):
    """Two versions side by side. With no choice made, the latest against the one before it."""

    allowed_roles = DRAFT_READERS
    template_name = "responses/compare.html"

    def _number(self, name: str) -> int:
        raw = self.request.GET.get(name, "").strip()
        if not raw:
            raise BadComparison("Choose two versions to compare.")
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_VERSION:
            raise BadComparison(f"\u201c{raw[:20]}\u201d is not a version number.")
        return int(raw)

    def _versions(self) -> tuple[ResponseVersion, ResponseVersion]:
        versions = self.response.versions.select_related("saved_by")
        if "old" not in self.request.GET and "new" not in self.request.GET:
            latest = list(versions.order_by("-number")[:2])
            if not latest:
                raise BadComparison("This response has no versions yet.")
            return latest[-1], latest[0]
        numbers = sorted({self._number("old"), self._number("new")})
        found = {v.number: v for v in versions.filter(number__in=numbers)}
        absent = [str(n) for n in numbers if n not in found]
        if absent:
            raise BadComparison(
                f"This response has no version {' or '.join(absent)}; choose from the list."
            )
        return found[numbers[0]], found[numbers[-1]]

    def get(self, request, *args, **kwargs):
        try:
            old, new = self._versions()
        except BadComparison as error:
            context = self.get_context_data(error=str(error))
            return self.render_to_response(context, status=400)
        parts = [
            {"label": part.label, "changed": part.changed, "marked": part.marked()}
            for part in compare(old, new)
        ]
        context = self.get_context_data(
            old=old,
            new=new,
            parts=parts,
            changed_count=sum(part["changed"] for part in parts),
        )
        return self.render_to_response(context)
