"""The dashboards' own forms: the JASP dashboard's "since" and a new update report. (The lists'
filters are FilterSets, in filters.py.)"""

from django import forms
from django.utils import timezone

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SinceForm(forms.Form):
    since = forms.DateField(
        label="Changes since",
        required=False,
        widget=DATE,
        help_text="Usually the date of the panel's last meeting.",
    )

    def chosen(self, *, default):
        if self.is_bound and self.is_valid() and self.cleaned_data["since"]:
            return self.cleaned_data["since"]
        return default


class UpdateReportForm(forms.Form):
    meeting_date = forms.DateField(
        label="Meeting date", widget=DATE, help_text="The JASP meeting this paper is for."
    )
    since = forms.DateField(
        label="Count changes since",
        required=False,
        widget=DATE,
        help_text="Leave empty for the previous paper's meeting date, or three months before.",
    )

    #: A paper is for a meeting within this many days of today, either way.
    MEETING_WINDOW = 366

    def clean_meeting_date(self):
        meeting = self.cleaned_data["meeting_date"]
        if abs((meeting - timezone.localdate()).days) > self.MEETING_WINDOW:
            raise forms.ValidationError("Choose a meeting date within a year of today.")
        return meeting

    def clean(self):
        data = super().clean() or {}
        meeting, since = data.get("meeting_date"), data.get("since")
        if meeting and since and since > meeting:
            self.add_error("since", "Count changes from a date on or before the meeting.")
        return data
