from django import forms

from .selectors import KINDS

MAX_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search reports, items and actions",
        max_length=MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": f"Searches are limited to {MAX_LENGTH} characters: try a few words."
        },
    )
    type = forms.ChoiceField(
        choices=[("", "Everything"), *((k.key, k.label) for k in KINDS.values())],
        required=False,
    )
