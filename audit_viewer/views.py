"""The audit trail: one filtered, paged list and its CSV and XLSX exports (themselves audited
by the exports app, like every export)."""

import json

from django.conf import settings
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.views import View

from core.views import PagedListView
from exports.tabular import Column
from exports.views import ExportMixin

from .access import may_read_audit
from .forms import AuditFilterForm
from .history import history_urls
from .selectors import audit_entries

COLUMNS = [
    Column("Entry", lambda entry: entry.pk),
    Column("When", lambda entry: entry.created_at),
    Column("Kind", lambda entry: entry.get_kind_display()),
    Column("Person", lambda entry: entry.actor_label),
    Column("Address", lambda entry: entry.remote_addr),
    Column("Object type", lambda entry: entry.object_type.name if entry.object_type else ""),
    Column("Object number", lambda entry: entry.object_id),
    Column("Object", lambda entry: entry.object_label),
    Column("Detail", lambda entry: json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)),
    Column("Request", lambda entry: entry.request_id),
    Column("Hash", lambda entry: entry.hash),
]


class AuditAccessMixin(AccessMixin, View):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not may_read_audit(request.user):
            raise PermissionDenied("Only administrators read the audit trail.")
        return super().dispatch(request, *args, **kwargs)


class AuditEntryListView(AuditAccessMixin, PagedListView):
    template_name = "audit_viewer/entry_list.html"
    context_object_name = "entries"
    paginate_by = 50
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        self.filter_form = AuditFilterForm(self.request.GET)
        return audit_entries(filters=self.filter_form.valid_filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        urls = history_urls(context["entries"])
        rows = [(entry, urls.get(entry.pk, "")) for entry in context["entries"]]
        return context | {
            "filter_form": self.filter_form,
            "rows": rows,
            "retention_days": settings.AUDIT_RETENTION_DAYS,
        }


class AuditEntryExportView(ExportMixin, AuditEntryListView):
    export_columns = COLUMNS
    export_name = "audit-trail"
    export_title = "Audit trail"
