"""Superusers only (see accounts.admin_site). Day-to-day editing happens in the app's own pages,
through the services; the admin is for support, so append-only records are read-only here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, Evidence, Item, ProgressUpdate, Report, SignOffEvent, TargetDateChange


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["title", "report_type", "published_on"]
    list_filter = ["report_type", "scope"]
    search_fields = ["title"]


@admin.register(Item)
class ItemAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "kind", "report", "addressee", "action_required"]
    list_filter = ["kind", "addressee"]
    search_fields = ["reference", "text"]
    list_select_related = ["report"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["pk", "item", "status", "owner_name", "target_date"]
    list_filter = ["status"]
    list_select_related = ["item__report"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


for model in (ProgressUpdate, Evidence, SignOffEvent, TargetDateChange):
    admin.site.register(model, ReadOnlyAdmin)
