"""The pattern every form view follows: parse, call one service, show errors without saving."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.generic import FormView, ListView

from . import once
from .errors import EditConflict


def attach_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: field errors by field, the rest on top. An
    error about a field the form does not show (one built by a service from others, such as a
    response's subject) still names that field, so the message never floats free of its cause."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        if field in form.fields:
            form.add_error(field, errors)
        elif field == NON_FIELD_ERRORS:
            form.add_error(None, errors)
        else:
            name = field.replace("_", " ").capitalize()
            form.add_error(None, [f"{name}: {message}" for e in errors for message in e.messages])


class ServiceFormView(FormView):
    """A form whose valid data goes to `perform`; a ValidationError re-renders the form.

    It checks no role: every subclass puts accounts.roles.RoleRequiredMixin first, so the
    check is written where the view declares who may use it (and core imports no app).

    The savepoint means a refused service call leaves the request's transaction usable and the
    database unchanged.
    """

    template_name = "components/form_page.html"
    success_message = "Saved."
    page_title = ""

    def perform(self, form: Any) -> Any:
        """Call the one service this form is for; return what it made or changed."""
        raise NotImplementedError

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            with transaction.atomic():
                submission = self._claim(form)
                result = self.perform(form)
                url = self.success_url_for(result)
                if submission is not None:
                    once.record_result(submission, url)
        except once.AlreadySubmitted as first:
            messages.info(self.request, "That was already saved; nothing was saved twice.")
            return redirect(first.url or self.request.path)
        except EditConflict as conflict:
            # Keep the editor's input, but against the version now stored, so that a second
            # save, made after reading the message, is a deliberate overwrite.
            form.data = form.data.copy()
            form.data[form.add_prefix("lock_version")] = conflict.current_version
            form.add_error(None, conflict)
            return self.form_invalid(form)
        except ValidationError as error:
            attach_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(url)

    def _claim(self, form: Any) -> Any:
        key = form.cleaned_data.get("submission_key") if isinstance(form, once.OnceMixin) else None
        return once.claim(key) if key else None

    def success_url_for(self, result: Any) -> str:
        """Where the editor goes once the service has done its work: by default, to it."""
        url: str = result.get_absolute_url()
        return url

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        kwargs.setdefault("page_title", self.page_title)
        return super().get_context_data(**kwargs)


class PagedListView(ListView):
    """Every list page: a page number past the end, or not a number, shows the nearest page
    (Paginator.get_page) instead of a 404, so an old link or a shrunk list still lands."""

    def paginate_queryset(self, queryset: Any, page_size: int) -> tuple[Paginator, Page, Any, bool]:
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Whether the reader narrowed the list (the page and the order do not count).
        shown = {key for key, value in self.request.GET.items() if value}
        kwargs.setdefault("filtered", bool(shown - {self.page_kwarg, "sort"}))
        return super().get_context_data(**kwargs)
