"""Forms parse and describe input; the services decide what is allowed."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from accounts.roles import ACTION_EDITORS, users_with_roles
from core.forms import DATE_WIDGET, CrispyMixin, VersionedMixin, field_of
from core.once import OnceMixin
from core.people import display_name

from .choices import ActionStatus, Addressee, ItemKind
from .evidence import ALLOWED_DESCRIPTION, ALLOWED_TYPES
from .models import Action, Item, Report
from .services import BODY_NOT_NAMED, EDITABLE_STATUSES, ONLY_RECOMMENDATIONS, OWNER_NEEDED


class ReportForm(CrispyMixin, VersionedMixin, forms.ModelForm):
    class Meta:
        model = Report
        fields = ["title", "report_type", "scope", "published_on", "hmicfrs_url", "summary"]
        widgets = {"published_on": DATE_WIDGET, "summary": forms.Textarea(attrs={"rows": 5})}


class ReportCreateForm(ReportForm):
    """A new report has no version yet to check against."""

    lock_version = None  # type: ignore[assignment]  # Django's way to drop a declared field


class ItemForm(CrispyMixin, VersionedMixin, forms.ModelForm):
    action_required = forms.TypedChoiceField(
        label="Force action required",
        choices=[("", "Follow the addressee"), ("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        help_text="Chief constables' items need force action; others do not, unless you say so.",
    )
    action_required_reason = forms.CharField(
        label="Reason for overriding",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when force action differs from what the addressee implies.",
    )
    field_order = [
        "kind",
        "reference",
        "text",
        "addressee",
        "addressee_other",
        "action_required",
        "action_required_reason",
        "hmicfrs_deadline",
        "cause_of_concern",
        "position",
    ]

    class Meta:
        model = Item
        fields = [
            "kind",
            "reference",
            "text",
            "addressee",
            "addressee_other",
            "hmicfrs_deadline",
            "cause_of_concern",
            "position",
        ]
        widgets = {"hmicfrs_deadline": DATE_WIDGET, "text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, report: Report, **kwargs):
        super().__init__(*args, **kwargs)
        parents = report.items.filter(kind=ItemKind.CAUSE_OF_CONCERN)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        field_of(self, "cause_of_concern", forms.ModelChoiceField).queryset = parents
        self.fields["position"].required = False
        overridden = self.instance.pk and self.instance.action_required_reason
        self.initial["action_required"] = (
            ("yes" if self.instance.action_required else "no") if overridden else ""
        )
        self.initial["action_required_reason"] = self.instance.action_required_reason

    def clean_position(self):
        return self.cleaned_data.get("position") or 0

    def clean(self):
        # Said here in words; otherwise the model's constraint reports only its own name.
        cleaned = super().clean() or {}
        if cleaned.get("addressee") == Addressee.OTHER and not cleaned.get("addressee_other"):
            self.add_error("addressee_other", BODY_NOT_NAMED)
        if cleaned.get("cause_of_concern") and cleaned.get("kind") != ItemKind.RECOMMENDATION:
            self.add_error("cause_of_concern", ONLY_RECOMMENDATIONS)
        return cleaned


class ItemCreateForm(ItemForm):
    """A new item has no version yet to check against."""

    lock_version = None  # type: ignore[assignment]  # Django's way to drop a declared field


class OversightForm(CrispyMixin, VersionedMixin, forms.ModelForm):
    class Meta:
        model = Item
        fields = ["hmicfrs_status", "assurance"]


class ActionForm(CrispyMixin, VersionedMixin, forms.ModelForm):
    status = forms.ChoiceField(
        choices=[(s.value, s.label) for s in EDITABLE_STATUSES],
        help_text="To close an action, submit it for sign-off with its evidence.",
    )

    class Meta:
        model = Action
        fields = ["description", "owner_name", "owner_user", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "owner_user", forms.ModelChoiceField).queryset = users_with_roles(
            ACTION_EDITORS
        )
        field_of(self, "owner_user", forms.ModelChoiceField).label_from_instance = display_name  # type: ignore[method-assign,assignment]  # Django's documented hook

    def clean(self):
        # Said here in words; otherwise the model's constraint reports only its own name.
        cleaned = super().clean() or {}
        unowned = not cleaned.get("owner_name") and not cleaned.get("owner_user")
        if unowned and cleaned.get("status", "") not in ("", ActionStatus.AWAITING_ALLOCATION):
            self.add_error("owner_name", OWNER_NEEDED)
        return cleaned


class ActionCreateForm(ActionForm):
    target_date = forms.DateField(required=False, widget=DATE_WIDGET)
    lock_version = None  # type: ignore[assignment]  # Django's way to drop a declared field

    class Meta(ActionForm.Meta):
        fields = ["description", "owner_name", "owner_user", "target_date", "status"]


class TargetDateForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Change target date"
    new_date = forms.DateField(label="New target date", required=False, widget=DATE_WIDGET)
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the action's record of target date changes.",
    )


class UpdateForm(CrispyMixin, OnceMixin, forms.Form):
    submit_label = "Post update"
    text = forms.CharField(label="Progress update", widget=forms.Textarea(attrs={"rows": 4}))


class EvidenceForm(CrispyMixin, OnceMixin, forms.Form):
    submit_label = "Add evidence"
    description = forms.CharField(max_length=300)
    upload = forms.FileField(
        label="File",
        required=False,
        help_text=f"{ALLOWED_DESCRIPTION}; up to 10 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_TYPES)}),
    )
    link = forms.URLField(label="Or a link", required=False, assume_scheme="https")

    def clean(self):
        cleaned = super().clean() or {}
        if bool(cleaned.get("upload")) == bool(cleaned.get("link")):
            raise forms.ValidationError("Attach a file or give a link (one of the two).")
        return cleaned


class SubmitForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Submit for sign-off"
    note = forms.CharField(
        label="Note for the DCC", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class SignOffForm(VersionedMixin, forms.Form):
    decision = forms.ChoiceField(
        choices=[("close", "Sign off and close"), ("return", "Return to the force")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Reason or note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when returning the action.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Record decision"))

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "return" and not cleaned.get("note", "").strip():
            self.add_error("note", "Say why the action is being returned.")
        return cleaned


class WithdrawForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Withdraw"
    reason = forms.CharField(
        label="Why is it being withdrawn?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in its history, with your name and the time. It can be restored later.",
    )


class RestoreForm(CrispyMixin, VersionedMixin, forms.Form):
    submit_label = "Restore"
    reason = forms.CharField(
        label="Why is it being restored?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in its history, with your name and the time.",
    )
