"""The audit trail in the admin: read only (and the database refuses changes anyway)."""

from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["id", "created_at", "kind", "actor_label", "object_label", "remote_addr"]
    list_filter = ["kind"]
    search_fields = ["actor_label", "object_label", "request_id"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
