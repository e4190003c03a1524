from accounts.roles import ACTION_EDITORS, SIGN_OFF, RoleRequiredMixin
from core.views import PagedListView

from .. import selectors


class MyActionsView(RoleRequiredMixin, PagedListView):
    allowed_roles = ACTION_EDITORS
    template_name = "inspections/my_actions.html"
    context_object_name = "actions"
    paginate_by = 50

    def get_queryset(self):
        return selectors.my_actions(user=self.person)


class ReviewQueueView(RoleRequiredMixin, PagedListView):
    allowed_roles = SIGN_OFF
    template_name = "inspections/review_queue.html"
    context_object_name = "actions"
    paginate_by = 50

    def get_queryset(self):
        return selectors.review_queue()
