from django.core.paginator import Paginator
from django.views.generic import TemplateView

from accounts.roles import READERS, RoleRequiredMixin

from . import selectors
from .forms import SearchForm

PAGE_SIZE = 50


class SearchView(RoleRequiredMixin, TemplateView):
    """GET q: the best matches of each kind; with type: every match of that kind, page by page."""

    allowed_roles = READERS
    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        context = {"form": form, "searched": False}
        if form.is_valid() and form.cleaned_data["q"].strip():
            q, kind = form.cleaned_data["q"].strip(), form.cleaned_data["type"]
            context.update(searched=True, q=q)
            if kind:
                context.update(self.one_kind(q, kind))
            else:
                context["groups"] = selectors.search(q=q)
        return super().get_context_data(**context, **kwargs)

    def one_kind(self, q: str, kind: str) -> dict:
        paginator = Paginator(selectors.matches(kind=kind, q=q), PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        return {
            "kind": selectors.KINDS[kind],
            "page_obj": page,
            "paginator": paginator,
            "is_paginated": page.has_other_pages(),
        }
