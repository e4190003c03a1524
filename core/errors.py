"""Errors the services raise; views turn each into a clear message and change nothing."""

from django.core.exceptions import ValidationError
from django.db import models


class InvalidTransition(ValidationError):
    def __init__(self, current: models.Choices, wanted: models.Choices, noun: str = "action"):
        super().__init__(
            f"This {noun}'s status is \u201c{current.label}\u201d, so it cannot move to "
            f"\u201c{wanted.label}\u201d.",
            code="invalid_transition",
        )


class EditConflict(ValidationError):
    """Someone else saved the same record after this editor loaded it."""

    def __init__(self, instance: models.Model, changes: list[str], current_version: int):
        self.changes = changes
        #: The version now stored: a form re-shown with it lets the editor save over it knowingly.
        self.current_version = current_version
        summary = "; ".join(changes) if changes else "it was changed"
        super().__init__(
            f"Not saved: someone else changed this {instance._meta.verbose_name} while you were "
            f"editing ({summary}). Your edits are still in the form: check them against theirs, "
            "then save again to apply yours.",
            code="edit_conflict",
        )
