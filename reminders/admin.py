"""Superusers only. The ladders are edited here; the reminders themselves only read (the scan and
the services write them)."""

from django.contrib import admin

from audit.admin_hooks import AuditedAdminMixin

from .models import Ladder, Reminder
from .tasks import rebuild_reminders


@admin.register(Ladder)
class LadderAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["kind", "active", "days_before", "on_the_day", "when_overdue"]
    list_display_links = ["kind"]
    readonly_fields = ["kind"]

    def has_add_permission(self, request):
        return False  # one ladder per kind, made by a migration

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Every open subject is planned again from the new ladder, by a worker, once saved.
        rebuild_reminders.delay_on_commit()  # type: ignore[attr-defined]  # Celery 5.4; no stub yet


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "remind_on", "deadline", "state", "response", "action"]
    list_filter = ["kind", "state"]
    date_hierarchy = "remind_on"
    raw_id_fields = ["response", "action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
