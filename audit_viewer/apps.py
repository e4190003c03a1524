from django.apps import AppConfig


class AuditViewerConfig(AppConfig):
    name = "audit_viewer"
    verbose_name = "Audit trail viewer"
