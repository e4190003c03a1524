"""The import's two forms: what to read (a paste or a file), and the preview's rows."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from core.forms import DATE_WIDGET, field_of
from inspections.choices import Addressee, ItemKind

from .extract import ACCEPTED


def upload_help() -> str:
    return f"Upload {ACCEPTED} (.txt), up to {filesizeformat(settings.IMPORT_MAX_BYTES)}."


class SourceForm(forms.Form):
    text = forms.CharField(
        label="Paste the report's text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Copy the recommendations (or the whole report) from the HMICFRS web page "
        "or the PDF and paste them here.",
    )
    upload = forms.FileField(label="Or upload the report", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].help_text = upload_help()
        self.fields["upload"].widget.attrs["accept"] = ".pdf,.html,.htm,.txt,text/plain"

    def clean(self):
        data = super().clean() or {}
        if data.get("text", "").strip() and data.get("upload"):
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        return data


PARENT_HELP = "The row number of the cause of concern a recommendation sits under."


class RowForm(forms.Form):
    drop = forms.BooleanField(label="Drop this item", required=False)
    kind = forms.ChoiceField(choices=ItemKind.choices)
    ref = forms.CharField(label="Reference", max_length=20)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    addressee = forms.ChoiceField(choices=Addressee.choices)
    addressee_other = forms.CharField(label="Named body", max_length=200, required=False)
    deadline = forms.DateField(label="HMICFRS deadline", required=False, widget=DATE_WIDGET)
    deadline_text = forms.CharField(label="Deadline as printed", max_length=200, required=False)
    parent = forms.TypedChoiceField(
        label="Under cause of concern", required=False, coerce=str, empty_value=""
    )
    ref_proposed = forms.BooleanField(required=False, widget=forms.HiddenInput)
    line = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, parents=(), **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "parent", forms.ChoiceField).choices = [("", "None"), *parents]
        self.fields["parent"].help_text = PARENT_HELP

    def clean(self):
        data = super().clean() or {}
        if data.get("drop"):
            self.errors.clear()  # a dropped row is not checked
        return data


#: Each row's choices of parent come in form_kwargs={"parents": ...}.
RowFormSet = forms.formset_factory(RowForm, extra=0, max_num=500, absolute_max=500)
