from django.urls import path

from exports.views import export_urls

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.AuditEntryListView.as_view(), name="entries"),
    *export_urls("", views.AuditEntryExportView, "entries"),
]
