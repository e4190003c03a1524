"""People and roles edited in the admin are audited (audit.AuditKind.ACCOUNT_CHANGE): Django's
own User and Group admins with the audit hooks in front."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from audit.admin_hooks import AuditedAdminMixin
from audit.models import AuditKind


class AuditedUserAdmin(AuditedAdminMixin, UserAdmin):
    audit_kind = AuditKind.ACCOUNT_CHANGE


class AuditedGroupAdmin(AuditedAdminMixin, GroupAdmin):
    audit_kind = AuditKind.ACCOUNT_CHANGE


for model, model_admin in ((get_user_model(), AuditedUserAdmin), (Group, AuditedGroupAdmin)):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
