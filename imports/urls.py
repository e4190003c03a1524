from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("reports/<int:pk>/", views.ImportStartView.as_view(), name="start"),
    path("<int:pk>/", views.ImportJobView.as_view(), name="job"),
]
