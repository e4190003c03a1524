from django.urls import path

from exports.views import export_urls

from .views import composer, detail, exports, lists, publication, workflow

app_name = "responses"

urlpatterns = [
    path("", lists.ResponseListView.as_view(), name="list"),
    *export_urls("", exports.ResponseListExportView, "list"),
    path("mine/", lists.MyResponsesView.as_view(), name="mine"),
    path("<int:pk>/", detail.ResponseDetailView.as_view(), name="detail"),
    path("<int:pk>/owner/", workflow.AssignOwnerView.as_view(), name="assign_owner"),
    path("<int:pk>/invite/", workflow.InviteChiefConstableView.as_view(), name="invite"),
    path(
        "<int:pk>/chief-constable/",
        workflow.ChiefConstableCommentsView.as_view(),
        name="cc_comments",
    ),
    path("<int:pk>/no-comments/", workflow.NoCommentsView.as_view(), name="no_cc_comments"),
    path("<int:pk>/submit/", workflow.SubmitForApprovalView.as_view(), name="submit"),
    path("<int:pk>/approve/", workflow.ApprovalView.as_view(), name="approve"),
    path("<int:pk>/publish/", workflow.PublishView.as_view(), name="publish"),
    path("<int:pk>/send/", publication.SendView.as_view(), name="send"),
    path("<int:pk>/reopen/", publication.ReopenView.as_view(), name="reopen"),
    path("<int:pk>/pdf/", publication.PreviewsView.as_view(), name="previews"),
    path("renders/<int:pk>/", publication.RenderJobView.as_view(), name="render_job"),
    path("renders/<int:pk>/pdf/", publication.RenderJobPdfView.as_view(), name="render_job_pdf"),
    path("<int:pk>/compose/", composer.ComposeView.as_view(), name="compose"),
    path("<int:pk>/letter/", composer.LetterPreviewView.as_view(), name="letter"),
    path("<int:pk>/versions/", composer.VersionListView.as_view(), name="versions"),
    path("<int:pk>/versions/compare/", composer.CompareVersionsView.as_view(), name="compare"),
]
