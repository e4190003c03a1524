from django.urls import path

from exports.views import export_urls

from . import views
from .exports import ActionExportView, ItemExportView

app_name = "dashboards"

urlpatterns = [
    path("dcc/", views.DccDashboardView.as_view(), name="dcc"),
    path("jasp/", views.JaspDashboardView.as_view(), name="jasp"),
    path("actions/", views.ActionListView.as_view(), name="actions"),
    path("items/", views.ItemListView.as_view(), name="items"),
]
urlpatterns += export_urls("actions/", ActionExportView, "actions")
urlpatterns += export_urls("items/", ItemExportView, "items")
