from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = "Dashboards for the DCC and JASP"

    def ready(self):
        from core.pdf_fetcher import allow_static

        from .figure_cache import on_model_written
        from .update_reports import STYLESHEET

        allow_static(STYLESHEET)

        post_save.connect(on_model_written, dispatch_uid="dashboards-register-changed-save")
        post_delete.connect(on_model_written, dispatch_uid="dashboards-register-changed-delete")
