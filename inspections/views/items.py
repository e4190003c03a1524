from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from accounts.roles import (
    ASSURANCE_EDITORS,
    READERS,
    REGISTER_EDITORS,
    RoleRequiredMixin,
    has_role,
)
from core.views import ServiceFormView

from .. import selectors, services
from ..forms import ItemCreateForm, ItemForm, OversightForm
from ..models import Item, Report


class ItemDetailView(RoleRequiredMixin, DetailView):
    """A withdrawn item (or one of a withdrawn report) is shown, struck through, to OPCC staff
    only; to everyone else it is not found."""

    allowed_roles = READERS
    template_name = "inspections/item_detail.html"

    def get_queryset(self):
        keeper = has_role(self.request.user, REGISTER_EDITORS)
        items = Item.all_objects if keeper else Item.objects
        return items.select_related("report", "cause_of_concern", "withdrawn_by")

    def get_context_data(self, **kwargs):
        item = self.object
        actions = list(selectors.item_actions(item=item))
        histories = selectors.action_histories(actions)
        for action in actions:
            action.history_list = histories.get(action.pk, [])  # type: ignore[attr-defined]
        return super().get_context_data(
            actions=actions,
            recommendations=item.recommendations.order_by("position", "pk"),
            history=selectors.history_entries(item),
            **kwargs,
        )


def _item_fields(cleaned_data: dict) -> dict:
    return {k: v for k, v in cleaned_data.items() if k != "lock_version"}


class ItemCreateView(RoleRequiredMixin, ServiceFormView):
    allowed_roles = REGISTER_EDITORS
    form_class = ItemCreateForm
    success_message = "Item added."

    def load_objects(self):
        self.report = get_object_or_404(Report, pk=self.kwargs["pk"])
        self.page_title = f"Add an item to {self.report.title}"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "report": self.report,
            "instance": Item(report=self.report),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, **kwargs)

    def perform(self, form):
        return services.item_create(
            report=self.report, by=self.person, **_item_fields(form.cleaned_data)
        )

    def success_url_for(self, result):
        if "add_another" in self.request.POST:
            return self.request.path
        return self.report.get_absolute_url()


class ItemUpdateView(RoleRequiredMixin, ServiceFormView):
    allowed_roles = REGISTER_EDITORS
    form_class = ItemForm
    success_message = "Item saved."

    def load_objects(self):
        self.item = get_object_or_404(Item.objects.select_related("report"), pk=self.kwargs["pk"])
        self.page_title = f"Edit {self.item}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "report": self.item.report,
            "instance": Item.objects.get(pk=self.item.pk),
            "initial": {"lock_version": self.item.lock_version},
        }

    def perform(self, form):
        return services.item_update(
            item=self.item,
            by=self.person,
            expected_version=form.cleaned_data["lock_version"],
            **_item_fields(form.cleaned_data),
        )


class ItemOversightView(RoleRequiredMixin, ServiceFormView):
    """HMICFRS's own status and the office's assurance, kept apart from the force's view."""

    allowed_roles = ASSURANCE_EDITORS
    form_class = OversightForm
    success_message = "HMICFRS status and assurance saved."

    def load_objects(self):
        self.item = get_object_or_404(Item.objects.select_related("report"), pk=self.kwargs["pk"])
        self.page_title = f"HMICFRS status and assurance: {self.item}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": Item.objects.get(pk=self.item.pk),
            "initial": {"lock_version": self.item.lock_version},
        }

    def perform(self, form):
        return services.item_set_oversight(
            item=self.item,
            by=self.person,
            expected_version=form.cleaned_data["lock_version"],
            hmicfrs_status=form.cleaned_data["hmicfrs_status"],
            assurance=form.cleaned_data["assurance"],
        )
