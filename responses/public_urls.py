"""The public pages (responses.views.public), mounted at /published/: no sign-in needed."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from django.views.decorators.http import require_safe

from .views import public

app_name = "public"

urlpatterns = [
    path("", login_not_required(public.PublishedListView.as_view()), name="list"),
    # A Feed answers any method; the public pages only read.
    path("feed.atom", login_not_required(require_safe(public.PublishedFeed())), name="feed"),
    path(
        "responses/<int:pk>/",
        login_not_required(public.PublishedResponseView.as_view()),
        name="response",
    ),
    path("<int:pk>/", login_not_required(public.PublishedVersionView.as_view()), name="version"),
    path(
        "<int:pk>/pdf/", login_not_required(public.PublishedPdfView.as_view()), name="version_pdf"
    ),
]
