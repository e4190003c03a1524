from django.urls import path

from exports.views import export_urls

from . import update_report_views, views
from .exports import ActionExportView, ItemExportView

app_name = "dashboards"

urlpatterns = [
    path("dcc/", views.DccDashboardView.as_view(), name="dcc"),
    path("jasp/", views.JaspDashboardView.as_view(), name="jasp"),
    path("actions/", views.ActionListView.as_view(), name="actions"),
    path("items/", views.ItemListView.as_view(), name="items"),
    path(
        "update-reports/",
        update_report_views.UpdateReportListView.as_view(),
        name="update_reports",
    ),
    path(
        "update-reports/<int:pk>/",
        update_report_views.UpdateReportView.as_view(),
        name="update_report",
    ),
    path(
        "update-reports/<int:pk>/pdf/",
        update_report_views.UpdateReportPdfView.as_view(),
        name="update_report_pdf",
    ),
]
urlpatterns += export_urls("actions/", ActionExportView, "actions")
urlpatterns += export_urls("items/", ItemExportView, "items")
