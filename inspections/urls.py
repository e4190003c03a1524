from django.urls import path

from exports.views import export_urls

from .views import actions, exports, items, lists, reports, signoff, withdrawal

app_name = "inspections"

urlpatterns = [
    path("", reports.ReportListView.as_view(), name="report_list"),
    *export_urls("", exports.ReportListExportView, "report_list"),
    path("reports/new/", reports.ReportCreateView.as_view(), name="report_create"),
    path("reports/<int:pk>/", reports.ReportDetailView.as_view(), name="report_detail"),
    path("reports/<int:pk>/edit/", reports.ReportUpdateView.as_view(), name="report_update"),
    path(
        "reports/<int:pk>/withdraw/",
        withdrawal.ReportWithdrawView.as_view(),
        name="report_withdraw",
    ),
    path(
        "reports/<int:pk>/restore/", withdrawal.ReportRestoreView.as_view(), name="report_restore"
    ),
    path(
        "reports/withdrawn/",
        withdrawal.WithdrawnReportListView.as_view(),
        name="withdrawn_reports",
    ),
    path("reports/<int:pk>/items/new/", items.ItemCreateView.as_view(), name="item_create"),
    path("items/<int:pk>/", items.ItemDetailView.as_view(), name="item_detail"),
    path("items/<int:pk>/edit/", items.ItemUpdateView.as_view(), name="item_update"),
    path("items/<int:pk>/oversight/", items.ItemOversightView.as_view(), name="item_oversight"),
    path("items/<int:pk>/withdraw/", withdrawal.ItemWithdrawView.as_view(), name="item_withdraw"),
    path("items/<int:pk>/restore/", withdrawal.ItemRestoreView.as_view(), name="item_restore"),
    path("items/<int:pk>/actions/new/", actions.ActionCreateView.as_view(), name="action_create"),
    path("actions/<int:pk>/edit/", actions.ActionUpdateView.as_view(), name="action_update"),
    path(
        "actions/<int:pk>/target-date/",
        actions.TargetDateView.as_view(),
        name="action_target_date",
    ),
    path("actions/<int:pk>/updates/new/", actions.UpdateCreateView.as_view(), name="update_create"),
    path(
        "actions/<int:pk>/evidence/new/",
        actions.EvidenceCreateView.as_view(),
        name="evidence_create",
    ),
    path("evidence/<int:pk>/", actions.EvidenceDownloadView.as_view(), name="evidence_download"),
    path("actions/<int:pk>/submit/", signoff.SubmitForSignOffView.as_view(), name="action_submit"),
    path("actions/<int:pk>/sign-off/", signoff.SignOffView.as_view(), name="action_sign_off"),
    path("my-actions/", lists.MyActionsView.as_view(), name="my_actions"),
    path("review-queue/", lists.ReviewQueueView.as_view(), name="review_queue"),
    *export_urls("my-actions/", exports.MyActionsExportView, "my_actions"),
    *export_urls("review-queue/", exports.ReviewQueueExportView, "review_queue"),
]
