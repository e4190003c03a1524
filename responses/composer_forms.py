"""The composer's forms: the letter, and one small form per annex entry. They parse and describe
input; responses.services.response_save_draft decides what is allowed and sanitises the text."""

from django import forms

from core.forms import DATE_WIDGET, VersionedMixin
from inspections.choices import ItemKind

from .annex import suggested_entry
from .choices import Explanation
from .letter_parts import DRAFTED_FIELDS, LETTER_PARTS
from .models import AnnexEntry, Response

MARKDOWN_HELP = (
    "Simple formatting: leave a blank line between paragraphs; start lines with \u201c- \u201d "
    "or \u201c1. \u201d for a list; **bold**, *italic*, [link text](https://example.org). "
    "Anything else (HTML, images, scripts) is removed."
)


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class LetterForm(VersionedMixin, forms.ModelForm):
    """The letter, in the order it is printed. The Chief Constable's comments are not here: only
    force staff or the DCC enter them (the composer shows them, read-only)."""

    class Meta:
        model = Response
        # The parts the office writes, in print order (not the Chief Constable's words).
        fields = DRAFTED_FIELDS
        labels = {part.name: part.label for part in LETTER_PARTS}
        help_texts = {
            "letter_date": "The letter is signed by whoever held office on this date.",
            "addressee": "One line per line of the address.",
            "subject": "For example \u201cResponse to HMICFRS - <report title>\u201d.",
            "opening": (
                "Cite the statutory duty (section 55 of the Police Act 1996) and the date HMICFRS "
                f"published the report. {MARKDOWN_HELP}"
            ),
            "pcc_comments": MARKDOWN_HELP,
            "pcc_comments_on_cc": MARKDOWN_HELP,
            "monitoring": (
                "How the force tracks delivery, the Deputy Chief Constable's oversight and the "
                f"Joint Audit and Scrutiny Panel's scrutiny. {MARKDOWN_HELP}"
            ),
        }
        widgets = {
            "letter_date": DATE_WIDGET,
            "addressee": _textarea(5),
            "opening": _textarea(5),
            "pcc_comments": _textarea(12),
            "pcc_comments_on_cc": _textarea(8),
            "monitoring": _textarea(4),
        }

    def letter(self) -> dict:
        """What response_save_draft takes as `letter`."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AnnexEntryForm(forms.Form):
    """One annex entry. `entry` (the row's id) comes back with the post, so each form finds its
    entry whatever happened to the annex meanwhile; the service refuses ids of other responses."""

    entry = forms.IntegerField(widget=forms.HiddenInput)
    included = forms.BooleanField(
        label="Include in the annex",
        required=False,
        help_text="Recommendations are always included; areas for improvement when you choose.",
    )
    explanation = forms.ChoiceField(
        label="What the response says",
        choices=[("", "Not chosen yet"), *Explanation.choices],
        required=False,
    )
    text = forms.CharField(
        label="The response", required=False, widget=_textarea(5), help_text=MARKDOWN_HELP
    )
    owner = forms.CharField(
        label="Owner",
        max_length=AnnexEntry._meta.get_field("owner").max_length,
        required=False,
        help_text="Needed when action is proposed: an officer or a department.",
    )
    target_date = forms.DateField(
        label="Target date",
        required=False,
        widget=DATE_WIDGET,
        help_text="Needed when action is proposed.",
    )

    def __init__(self, *args, entries: dict[int, AnnexEntry], **kwargs):
        super().__init__(*args, **kwargs)
        raw = self.data.get(self.add_prefix("entry")) if self.is_bound else self.initial["entry"]
        try:
            self.annex_entry = entries.get(int(raw or ""))
        except (TypeError, ValueError):
            self.annex_entry = None
        if self.annex_entry is not None and self.annex_entry.item.kind == ItemKind.RECOMMENDATION:
            # s55(5B): every recommendation is explained, so its box cannot be unticked.
            included = self.fields["included"]
            included.disabled = True
            included.initial = True
            included.help_text = "Every recommendation is in the annex (section 55(5B))."
        #: Shown from the force's actions, not yet saved: the page says so.
        self.suggested = not self.is_bound and bool(self.initial.get("suggested"))

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "entry"}

    @staticmethod
    def initial_for(entry: AnnexEntry) -> dict:
        """What the entry says; while it says nothing, what the force's actions suggest now (the
        entry was made with the item, often before the force had recorded any action)."""
        values = {
            "entry": entry.pk,
            "included": entry.included,
            "explanation": entry.explanation,
            "text": entry.text,
            "owner": entry.owner,
            "target_date": entry.target_date,
        }
        if entry.explanation or entry.text.strip():
            return values
        suggestion = suggested_entry(entry.item)
        if not suggestion["explanation"]:
            return values
        suggestion.pop("included", None)
        return values | suggestion | {"suggested": True}


AnnexFormSet = forms.formset_factory(AnnexEntryForm, extra=0, max_num=500, absolute_max=500)


def annex_formset(*, entries: list[AnnexEntry], data=None) -> forms.BaseFormSet:
    by_pk = {entry.pk: entry for entry in entries}
    if data is not None:
        return AnnexFormSet(data=data, prefix="annex", form_kwargs={"entries": by_pk})
    return AnnexFormSet(
        initial=[AnnexEntryForm.initial_for(entry) for entry in entries],
        prefix="annex",
        form_kwargs={"entries": by_pk},
    )
