"""The people page (administrators only): everyone's roles, who is waiting for one, invite,
give and take away roles, deactivate, reactivate, unlock; each change recorded."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from . import people, selectors
from .forms import AccountActionForm, InviteForm, RolesForm
from .roles import PEOPLE_ADMINS, RoleRequiredMixin, user_roles

ACTIONS = {
    "deactivate": (people.person_deactivate, "Deactivated: their sessions have ended."),
    "reactivate": (people.person_reactivate, "Reactivated."),
    "unlock": (people.person_unlock, "Unlocked: they may sign in again now."),
}


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _add_errors(form, error: ValidationError) -> None:
    """A service's refusal on the form: by field where the form has it, else at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


class PeopleView(RoleRequiredMixin, TemplateView):
    allowed_roles = PEOPLE_ADMINS
    template_name = "accounts/people.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", InviteForm())
        return super().get_context_data(people=selectors.people_list(), **kwargs)

    def post(self, request):
        form = InviteForm(request.POST)
        if form.is_valid():
            try:
                person = people.person_invite(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, f"Invited {person.email}: an email is on its way.")
                return redirect("people:person", pk=person.pk)
        return self.render_to_response(self.get_context_data(form=form))


class PersonView(RoleRequiredMixin, TemplateView):
    allowed_roles = PEOPLE_ADMINS
    template_name = "accounts/person.html"

    def load_objects(self):
        users = get_user_model().objects.filter(is_superuser=False)
        self.member = get_object_or_404(users, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        held = user_roles(self.member)
        kwargs.setdefault("form", RolesForm(initial={"roles": [r.value for r in held]}))
        return super().get_context_data(
            person=self.member,
            held=sorted(held),
            changes=selectors.person_changes(person=self.member),
            **kwargs,
        )

    def post(self, request, pk):
        if request.POST.get("do") != "roles":
            return self._account_action(request)
        form = RolesForm(request.POST)
        if form.is_valid():
            try:
                people.person_set_roles(
                    by=request.user, person=self.member, roles=form.cleaned_data["roles"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Roles saved: their sessions have ended.")
                return redirect("people:person", pk=self.member.pk)
        return self.render_to_response(self.get_context_data(form=form))

    def _account_action(self, request):
        form = AccountActionForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Choose deactivate, reactivate or unlock.")
            return redirect("people:person", pk=self.member.pk)
        service, done = ACTIONS[form.cleaned_data["do"]]
        try:
            service(by=request.user, person=self.member)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, done)
        return redirect("people:person", pk=self.member.pk)
