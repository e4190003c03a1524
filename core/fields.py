"""The one model field for single-line text (tests/core/test_single_line.py checks that every
CharField of the project's models is one)."""

from typing import Any

from django.db import models

from .forms import LineFormField
from .plaintext import single_line


class LineField(models.CharField):
    """A CharField whose value is cleaned (core.plaintext) whenever it is validated or written:
    full_clean(), save(), bulk_create() and queryset.update(), from any service or form."""

    def to_python(self, value: Any) -> Any:
        # full_clean() calls this and keeps the result, so validation judges what is stored.
        value = super().to_python(value)
        return single_line(value) if isinstance(value, str) else value

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if isinstance(value, str):
            value = single_line(value)
            setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return single_line(value) if isinstance(value, str) else value

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": LineFormField, **kwargs})

    def deconstruct(self) -> Any:
        # Stored exactly as a CharField: migrations need not know the difference.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs
