from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from accounts.admin_site import restrict_admin_to_superusers
from accounts.views import AccountView

restrict_admin_to_superusers(admin.site)

urlpatterns = [
    path(
        "accounts/login/",
        login_not_required(auth_views.LoginView.as_view(redirect_authenticated_user=True)),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/me/", AccountView.as_view(), name="account"),
    path("admin/", admin.site.urls),
    path("responses/", include("responses.urls")),
    path("published/", include("responses.public_urls")),
    path("reminders/", include("reminders.urls")),
    path("search/", include("search.urls")),
    path("dashboards/", include("dashboards.urls")),
    path("imports/", include("imports.urls")),
    path("", include("inspections.urls")),
]
