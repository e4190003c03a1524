"""Thin views: parse the GET parameters, call a selector, render."""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.views.generic import TemplateView

from accounts.roles import DCC_DASHBOARD_READERS, READERS, RoleRequiredMixin
from core.views import PagedListView
from exports.columns import ListColumn, headers

from . import figure_cache, lists, presenters, selectors
from .filters import ActionFilterSet, ItemFilterSet
from .forms import SinceForm


class DccDashboardView(RoleRequiredMixin, TemplateView):
    allowed_roles = DCC_DASHBOARD_READERS
    template_name = "dashboards/dcc.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        # Cached as laid out for the page (links built), not only as numbers: at national scale
        # building the owners' table's links costs as much as the numbers.
        shown = figure_cache.cached(
            "dcc", lambda: presenters.dcc_context(selectors.dcc_figures(today=today)), today
        )
        return super().get_context_data(today=today, **shown, **kwargs)


class JaspDashboardView(RoleRequiredMixin, TemplateView):
    allowed_roles = READERS
    template_name = "dashboards/jasp.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        default_since = lists.three_months_before(today)
        form = SinceForm(self.request.GET or None, initial={"since": default_since})
        since = form.chosen(default=default_since)
        shown = figure_cache.cached("jasp", lambda: jasp_context(today, since), today, since)
        return super().get_context_data(
            today=today, since=since, since_form=form, **shown, **kwargs
        )


def jasp_context(today, since) -> dict:
    figures = selectors.jasp_figures(today=today, since=since)
    return presenters.jasp_context(figures, since=since)


class FilteredListView(RoleRequiredMixin, PagedListView):
    """A list behind a figure: filters from a GET form, 25 a page, sortable headings."""

    allowed_roles = READERS
    paginate_by = 25
    filterset_class: type[Any]
    select: Callable[..., QuerySet[Any]]
    columns: tuple[ListColumn, ...] = ()
    default_sort = ""

    def get_queryset(self):
        filters = self.filterset_class(self.request.GET, today=timezone.localdate())
        self.filter_form = filters.form
        self.sort = self.request.GET.get("sort", "")
        return self.select(filters=filters, sort=self.sort)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            headers=headers(
                self.columns, current=self.sort, default=self.default_sort, query=self.request.GET
            ),
            **kwargs,
        )


class ActionListView(FilteredListView):
    template_name = "dashboards/action_list.html"
    context_object_name = "actions"
    filterset_class = ActionFilterSet
    columns = lists.ACTION_LIST
    default_sort = "target"

    def select(self, **kwargs):
        return lists.action_list(**kwargs)


class ItemListView(FilteredListView):
    template_name = "dashboards/item_list.html"
    context_object_name = "items"
    filterset_class = ItemFilterSet
    columns = lists.ITEM_LIST
    default_sort = "report"

    def select(self, **kwargs):
        return lists.item_list(**kwargs)
