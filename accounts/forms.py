"""The people page's forms."""

from django import forms

from core.forms import CrispyMixin, LineFormField

from .roles import Role

ROLE_CHOICES = [(role.value, role.label) for role in Role]


class RolesField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=ROLE_CHOICES,
            coerce=Role,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )


class InviteForm(CrispyMixin, forms.Form):
    submit_label = "Invite"

    email = forms.EmailField(label="Email address", max_length=254)
    first_name = LineFormField(max_length=150)
    last_name = LineFormField(max_length=150)
    roles = RolesField(help_text="None: they can sign in but see nothing until given a role.")


class RolesForm(CrispyMixin, forms.Form):
    """Says which form was sent too: an empty POST must change nothing, and no roles ticked is
    a real answer (take them all away)."""

    submit_label = "Save roles"

    do = forms.CharField(widget=forms.HiddenInput, initial="roles")
    roles = RolesField()


class AccountActionForm(forms.Form):
    do = forms.ChoiceField(
        choices=[("deactivate", "Deactivate"), ("reactivate", "Reactivate"), ("unlock", "Unlock")]
    )
