"""The viewer's filters: a GET form whose bad values are named and left out, never an error."""

import datetime

from django import forms

from audit.models import AuditKind

DATE = forms.DateInput(attrs={"type": "date"})


class AuditFilterForm(forms.Form):
    person = forms.CharField(
        max_length=150, required=False, help_text="Part of a name or username."
    )
    kind = forms.ChoiceField(choices=[("", "Any"), *AuditKind.choices], required=False)
    object = forms.CharField(
        max_length=200, required=False, help_text="Part of the object's name, or its number."
    )
    date_from = forms.DateField(label="From", required=False, widget=DATE)
    date_to = forms.DateField(label="To", required=False, widget=DATE)

    def clean(self):
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if isinstance(start, datetime.date) and isinstance(end, datetime.date) and end < start:
            self.add_error("date_to", "This is before the start date.")
        return data

    def valid_filters(self) -> dict:
        """The values that passed, whatever failed: a bad date ignores that filter alone."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "")
        }
