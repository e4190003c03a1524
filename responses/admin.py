"""Superusers only. The office's details and the signatories are edited here (issue: "editable by
an admin"); responses themselves change only through the workflow pages."""

from django.contrib import admin

from audit.admin_hooks import AuditedAdminMixin

from .models import Office, Signatory


@admin.register(Office)
class OfficeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "force_name"]

    def has_add_permission(self, request):
        # One office per installation.
        return not Office.objects.exists()


@admin.register(Signatory)
class SignatoryAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "title", "valid_from", "valid_to"]
