from django.template.defaultfilters import pluralize
from django.utils import timezone

from accounts.roles import READERS, RESPONSE_DRAFTERS, RoleRequiredMixin
from core.views import PagedListView

from .. import selectors
from ..filters import ResponseFilterSet


class ResponseListView(RoleRequiredMixin, PagedListView):
    """Every response, soonest deadline first, filtered by status or to the overdue ones."""

    allowed_roles = READERS
    template_name = "responses/list.html"
    context_object_name = "responses"
    paginate_by = 25

    def get_queryset(self):
        self.today = timezone.localdate()
        filters = ResponseFilterSet(self.request.GET, today=self.today)
        self.filter_form = filters.form
        return selectors.response_list(filters=filters)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            filter_form=self.filter_form,
            counts=selectors.response_counts(today=self.today),
            **kwargs,
        )
        count = context["paginator"].count
        which = "matching the filter" if self.filter_form.has_changed() else "in all"
        context["caption"] = f"{count} response{pluralize(count)} {which}, soonest deadline first"
        return context


class MyResponsesView(RoleRequiredMixin, PagedListView):
    allowed_roles = RESPONSE_DRAFTERS
    template_name = "responses/mine.html"
    context_object_name = "responses"
    paginate_by = 50

    def get_queryset(self):
        return selectors.my_responses(user=self.person)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        count = context["paginator"].count
        context["caption"] = f"Your {count} response{pluralize(count)}, soonest deadline first"
        return context
