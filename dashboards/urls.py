from django.urls import path

from . import views

app_name = "dashboards"

urlpatterns = [
    path("dcc/", views.DccDashboardView.as_view(), name="dcc"),
    path("jasp/", views.JaspDashboardView.as_view(), name="jasp"),
    path("actions/", views.ActionListView.as_view(), name="actions"),
    path("items/", views.ItemListView.as_view(), name="items"),
]
