"""The workflow's forms: they parse and describe input; the services decide what is allowed.

(The composer's forms live in composer_forms.py.)"""

from django import forms
from django.conf import settings
from django.utils import timezone

from accounts.roles import RESPONSE_DRAFTERS, users_with_roles
from core.forms import DATE_WIDGET, CrispyMixin, VersionedMixin, field_of
from core.once import OnceMixin
from core.people import display_name

MARKDOWN_HELP = (
    "Simple formatting: **bold**, *italic*, a line starting with - for a list, "
    "[link text](https://…) for a link, and a blank line between paragraphs."
)
NOT_IN_THE_FUTURE = "This date is in the future; record it on or after the day."


def _not_in_the_future(day):
    if day and day > timezone.localdate():
        raise forms.ValidationError(NOT_IN_THE_FUTURE)
    return day


class OwnerForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Save owner"
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="Nobody yet",
        help_text="A member of the office's staff; they see it under My responses.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "owner", forms.ModelChoiceField).queryset = users_with_roles(
            RESPONSE_DRAFTERS
        )
        field_of(self, "owner", forms.ModelChoiceField).label_from_instance = display_name  # type: ignore[method-assign,assignment]  # Django's documented hook


class InviteForm(CrispyMixin, OnceMixin, VersionedMixin, forms.Form):
    submit_label = "Record the invitation"
    invited_on = forms.DateField(
        label="Date the Chief Constable was invited to comment", widget=DATE_WIDGET
    )
    cc_due_on = forms.DateField(
        label="Comments due by",
        widget=DATE_WIDGET,
        help_text=(
            "The office sets this date; by default 28 days after the report's publication, and "
            f"at least {settings.S55_CC_MIN_DAYS} days after the invitation."
        ),
    )
    short_notice_reason = forms.CharField(
        label="If the Chief Constable has less time than that, why",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed only for a shorter period; recorded with the invitation.",
    )

    def clean_invited_on(self):
        return _not_in_the_future(self.cleaned_data.get("invited_on"))


class ChiefConstableCommentsForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Record the Chief Constable's comments"
    received_on = forms.DateField(label="Date the comments were received", widget=DATE_WIDGET)
    comments = forms.CharField(
        label="The Chief Constable's comments",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=MARKDOWN_HELP,
    )
    no_comments_reason = forms.CharField(
        label="Or, if the Chief Constable made no comments, why",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Fill in one of the two: the comments, or the reason there are none.",
    )

    def clean_received_on(self):
        return _not_in_the_future(self.cleaned_data.get("received_on"))


class NoCommentsForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Record that no comments came"
    reason = forms.CharField(
        label="Why there are no Chief Constable's comments",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown in the published response in place of the Chief Constable's comments.",
    )


class SubmitForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Submit to the PCC for approval"


class ApprovalForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Record decision"
    decision = forms.ChoiceField(
        choices=[("approve", "Approve the response"), ("return", "Return it for changes")],
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(
        label="What needs to change",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required when returning the response; the office sees it on the response.",
    )

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "return" and not cleaned.get("comments", "").strip():
            self.add_error("comments", "Say what needs to change.")
        return cleaned


class PublishForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Publish"
    published_on = forms.DateField(
        label="Date of publication",
        widget=DATE_WIDGET,
        help_text=(
            "Publishing freezes this version of the letter and annex and lists it on the public "
            "page. Today, unless it was already published elsewhere on an earlier day."
        ),
    )
    late_reason = forms.CharField(
        label="If the date is before today, why it is recorded late",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=(
            "A publication recorded after the day is shown as recorded late, with who recorded "
            "it, when, and this reason."
        ),
    )

    def clean_published_on(self):
        return _not_in_the_future(self.cleaned_data.get("published_on"))


class SendForm(CrispyMixin, forms.Form):
    submit_label = "Send to HMICFRS and the Home Secretary"
    confirm_again = forms.BooleanField(
        label="Yes, send this version again",
        required=False,
        help_text="Needed only when this version has been sent before.",
    )


class ReopenForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Reopen for correction"
    reason = forms.CharField(
        label="What needs correcting",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        help_text=(
            "Recorded in the response's versions. The published versions stay as they are; the "
            "corrected response is approved again and published as a new version."
        ),
    )
