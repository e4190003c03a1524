from .. import selectors, services
from ..choices import ActionStatus
from ..forms import SignOffForm, SubmitForm
from ..workflow import ACTIONS
from .actions import ActionFormView


class SubmitForSignOffView(ActionFormView):
    allowed_roles = ACTIONS.roles_for_url("inspections:action_submit")
    form_class = SubmitForm
    verb = "Submit for sign-off"
    template_name = "inspections/action_submit.html"
    success_message = "Submitted to the Deputy Chief Constable for sign-off."

    def get_initial(self):
        return self.versioned_initial()

    def perform(self, form):
        return services.action_submit_for_sign_off(
            action=self.action,
            by=self.person,
            expected_version=form.cleaned_data["lock_version"],
            note=form.cleaned_data["note"],
        )


class SignOffView(ActionFormView):
    """The DCC closes the action on its evidence, or returns it with a reason."""

    allowed_roles = ACTIONS.roles_for_url("inspections:action_sign_off")
    form_class = SignOffForm
    verb = "Sign off"
    template_name = "inspections/action_sign_off.html"

    def get_initial(self):
        return self.versioned_initial()

    def get_context_data(self, **kwargs):
        action = selectors.item_actions(item=self.action.item).get(pk=self.action.pk)
        return super().get_context_data(
            detailed=action, pending=self.action.status == ActionStatus.PENDING_SIGN_OFF, **kwargs
        )

    def perform(self, form):
        data = form.cleaned_data
        common = {
            "action": self.action,
            "by": self.person,
            "expected_version": data["lock_version"],
        }
        if data["decision"] == "close":
            self.success_message = "Signed off: the action is closed."
            return services.action_sign_off(note=data["note"], **common)
        self.success_message = "Returned to the force with your reason."
        return services.action_return(reason=data["note"], **common)
