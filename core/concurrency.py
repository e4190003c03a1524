"""Optimistic locking: a save is applied only if nobody else saved the record in the meantime.

Each versioned model has `lock_version`; forms carry the version the editor loaded. Saving locks
the row, compares, and either writes (bumping the version, recording history) or refuses with
an EditConflict that says who changed what since.
"""

from collections.abc import Callable

from django.db import models, transaction
from django.utils.text import Truncator

from .errors import EditConflict
from .models import Versioned

_NOT_SHOWN = {"lock_version", "updated_at"}


def changes_since(instance: Versioned, version: int) -> list[str]:
    """Describe, from the record's history, the saves made after `version`."""
    newer = list(
        # django-simple-history adds `history` to each concrete model, not to the base.
        instance.history.filter(lock_version__gt=version)  # type: ignore[attr-defined]
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    described = []
    for record in newer:
        previous = record.prev_record
        if previous is None:
            continue
        delta = record.diff_against(previous, excluded_fields=_NOT_SHOWN)
        fields = ", ".join(
            f"{_label(instance, change.field)} to "
            f"\u201c{Truncator(str(change.new)).chars(60)}\u201d"
            for change in delta.changes
        )
        who = record.history_user.get_username() if record.history_user else "someone"
        described.append(f"{who} changed {fields or 'nothing visible'}")
    return described


def _label(instance: models.Model, name: str) -> str:
    return str(getattr(instance._meta.get_field(name), "verbose_name", name))


@transaction.atomic
def save_versioned[V: Versioned](
    instance: V,
    *,
    expected_version: int | None = None,
    describe_changes: Callable[[V, int], list[str]] = changes_since,
) -> None:
    """Save `instance`, bumping its lock_version; refuse if the stored version is not the expected
    one (defaults to the version the instance was loaded with). `describe_changes` says what
    others changed since, for the message; by default from the django-simple-history records."""
    expected = instance.lock_version if expected_version is None else expected_version
    # The base manager: a withdrawn report or item is still saved (withdrawn, then restored).
    manager = type(instance)._base_manager
    stored = manager.select_for_update().only("lock_version").get(pk=instance.pk)
    if stored.lock_version != expected:
        raise EditConflict(instance, describe_changes(instance, expected), stored.lock_version)
    instance.full_clean()
    instance.lock_version = expected + 1
    instance.save()
