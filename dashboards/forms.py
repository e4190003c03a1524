"""The lists' filters: GET forms. A bad value is reported on the form and that filter ignored."""

from django import forms
from django.utils import timezone

from inspections.choices import ActionStatus, ItemKind
from inspections.models import Report

from .annotations import ITEM_STATES

ANY = [("", "Any")]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.published_on:%Y})"


class ListFilterForm(forms.Form):
    """Fields both lists share."""

    report = ReportChoiceField(
        queryset=Report.objects.only("pk", "title", "published_on"),
        required=False,
        empty_label="Any",
    )
    kind = forms.ChoiceField(label="Item kind", choices=ANY + ItemKind.choices, required=False)

    def clean(self):
        data = super().clean() or {}
        for low, high in self.date_ranges:
            if data.get(low) and data.get(high) and data[low] > data[high]:
                self.add_error(high, "The end of the range is before its start.")
        return data

    date_ranges: tuple[tuple[str, str], ...] = ()

    def valid_filters(self) -> dict:
        """The values that passed, whatever failed: a bad date ignores that filter alone."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "", False)
        }


class ActionFilterForm(ListFilterForm):
    STATUS_CHOICES = [
        ("", "Any"),
        ("open", "Any unfinished"),
        *ActionStatus.choices,
    ]
    DUE_CHOICES = [("", "Any"), ("overdue", "Overdue"), ("soon", "Due in the next 30 days")]

    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False)
    owner = forms.CharField(max_length=200, required=False)
    due = forms.ChoiceField(label="Due", choices=DUE_CHOICES, required=False)
    target_from = forms.DateField(label="Target date from", required=False, widget=DATE)
    target_to = forms.DateField(label="Target date to", required=False, widget=DATE)
    moved = forms.BooleanField(label="Target date moved more than once", required=False)
    changed_since = forms.DateField(label="Status changed since", required=False, widget=DATE)
    closed_since = forms.DateField(label="Closed since", required=False, widget=DATE)

    date_ranges = (("target_from", "target_to"),)


class ItemFilterForm(ListFilterForm):
    STATE_CHOICES = [
        ("", "Any"),
        ("open", "Open (overdue or not)"),
        *ITEM_STATES.items(),
    ]

    kind = forms.ChoiceField(
        label="Item kind",
        choices=ANY
        + [(k.value, k.label) for k in (ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT)],
        required=False,
    )
    state = forms.ChoiceField(choices=STATE_CHOICES, required=False)
    year = forms.IntegerField(label="Report year", min_value=1990, max_value=2100, required=False)
    due_from = forms.DateField(label="HMICFRS deadline from", required=False, widget=DATE)
    due_to = forms.DateField(label="HMICFRS deadline to", required=False, widget=DATE)
    closed_since = forms.DateField(label="Closed since", required=False, widget=DATE)

    date_ranges = (("due_from", "due_to"),)


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
