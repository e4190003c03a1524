"""Superusers only (see accounts.admin_site). Day-to-day editing happens in the app's own pages,
through the services; the admin is for support, so it only reads the register: no add, change,
delete or history revert, so nothing bypasses the services' rules. Withdrawn rows are listed too."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, Evidence, Item, ProgressUpdate, Report, SignOffEvent, TargetDateChange


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        # The base manager: withdrawn reports and items (and their actions) stay visible here.
        rows = self.model._base_manager.get_queryset()
        ordering = self.get_ordering(request)
        return rows.order_by(*ordering) if ordering else rows

    def save_model(self, request, obj, form, change):
        raise PermissionDenied("The register changes only through the app's own pages.")

    def delete_model(self, request, obj):
        raise PermissionDenied("The register changes only through the app's own pages.")


class ReadOnlyHistoryAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    """The history stays readable; reverting to an old version would skip the services."""

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied("Reverting is not possible here: use the app's own pages.")
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Report)
class ReportAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "report_type", "published_on", "withdrawn_at"]
    list_filter = ["report_type", "scope"]
    search_fields = ["title"]


@admin.register(Item)
class ItemAdmin(ReadOnlyHistoryAdmin):
    list_display = ["reference", "kind", "report", "addressee", "action_required", "withdrawn_at"]
    list_filter = ["kind", "addressee"]
    search_fields = ["reference", "text"]
    list_select_related = ["report"]


@admin.register(Action)
class ActionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["pk", "item", "status", "owner_name", "target_date"]
    list_filter = ["status"]
    list_select_related = ["item__report"]


for model in (ProgressUpdate, Evidence, SignOffEvent, TargetDateChange):
    admin.site.register(model, ReadOnlyAdmin)
