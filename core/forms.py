"""What every form shares: a submit button laid out by crispy-forms, the version the editor
loaded (for optimistic locking), and one date widget."""

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from .plaintext import single_line

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CrispyMixin:
    submit_label = "Save"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", self.submit_label))


class VersionedMixin(forms.Form):
    """Carries the version the editor loaded, so a stale save is refused (concurrency.py)."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput)


def field_of[F: forms.Field](form: forms.BaseForm, name: str, kind: type[F]) -> F:
    """The form's field `name`, known to be a `kind` (to set its choices or queryset)."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{name} is a {type(field).__name__}, not a {kind.__name__}")
    return field


class LineFormField(forms.CharField):
    """A single-line text box whose value is cleaned (core.plaintext) before it is validated,
    so "required" and the length limit judge what will be stored."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = single_line(value)
        return super().to_python(value)
