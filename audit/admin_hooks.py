"""Configuration edited in the admin is audited: mixed into the ModelAdmins of the ladders, the
office and the signatories, after the admin's own log (which says which fields changed)."""

from typing import TYPE_CHECKING

from django.contrib import admin

from .models import AuditKind
from .services import record

# The mixin goes in front of a ModelAdmin; type checkers are told so.
if TYPE_CHECKING:
    _Base = admin.ModelAdmin
else:
    _Base = object


def _changed_fields(message) -> list[str]:
    """The field names in the admin's change message ([{"changed": {"fields": [...]}}])."""
    if not isinstance(message, list):
        return []
    return [name for part in message for name in part.get("changed", {}).get("fields", [])]


class AuditedAdminMixin(_Base):
    audit_kind = AuditKind.CONFIG_CHANGE

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        record(self.audit_kind, request=request, obj=obj, action="added")
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        record(
            self.audit_kind,
            request=request,
            obj=obj,
            action="changed",
            fields=_changed_fields(message),
        )
        return entry

    def log_deletions(self, request, queryset):
        for obj in queryset:
            record(self.audit_kind, request=request, obj=obj, action="deleted")
        return super().log_deletions(request, queryset)
