"""Where an entry's object keeps its model history (django-simple-history): the admin's history
page, which SimpleHistoryAdmin fills with the history records. An object without history of its
own (evidence) links to the history of the first thing it belongs to that has one (its action).
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib import admin
from django.db import models
from django.urls import NoReverseMatch, reverse

from audit.models import AuditEntry


def _has_history(model) -> bool:
    return model is not None and hasattr(model, "history") and admin.site.is_registered(model)


def _history_url(model, pk) -> str:
    meta = model._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[pk])
    except NoReverseMatch:
        return ""


def _parent_with_history(model) -> models.ForeignKey | None:
    for field in model._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and _has_history(field.related_model):
            return field
    return None


def history_urls(entries: Iterable[AuditEntry]) -> dict[int, str]:
    """Each entry's history page by entry id, for those whose object has one: one query per
    kind of object that borrows its parent's history, none for the rest."""
    urls: dict[int, str] = {}
    borrowed: dict[type, list[AuditEntry]] = defaultdict(list)
    for entry in entries:
        model = entry.object_type.model_class() if entry.object_type else None
        if model is None or not entry.object_id:
            continue
        if _has_history(model):
            urls[entry.pk] = _history_url(model, entry.object_id)
        elif _parent_with_history(model) is not None:
            borrowed[model].append(entry)
    for model, group in borrowed.items():
        field = _parent_with_history(model)
        assert field is not None
        parents = dict(
            model._base_manager.filter(pk__in=[entry.object_id for entry in group]).values_list(
                "pk", field.attname
            )
        )
        for entry in group:
            parent = parents.get(model._meta.pk.to_python(entry.object_id))
            if parent is not None:
                urls[entry.pk] = _history_url(field.related_model, parent)
    return urls
