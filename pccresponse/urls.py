from django.contrib import admin
from django.urls import include, path

from accounts import views as accounts
from accounts.admin_site import restrict_admin_to_superusers

restrict_admin_to_superusers(admin.site)

urlpatterns = [
    path("accounts/me/", accounts.AccountView.as_view(), name="account"),
    path("accounts/session/", accounts.SessionKeepAliveView.as_view(), name="session_keepalive"),
    path(
        "accounts/sign-out-everywhere/",
        accounts.SignOutEverywhereView.as_view(),
        name="sign_out_everywhere",
    ),
    # django-allauth: sign in (/accounts/login/, as before), sign out, password change and
    # reset, identity providers, two-factor, sessions.
    path("accounts/", include("allauth.urls")),
    path(".well-known/security.txt", accounts.security_txt, name="security_txt"),
    path("people/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("health.urls")),
    path("responses/", include("responses.urls")),
    path("published/", include("responses.public_urls")),
    path("reminders/", include("reminders.urls")),
    path("search/", include("search.urls")),
    path("dashboards/", include("dashboards.urls")),
    path("imports/", include("imports.urls")),
    path("audit/", include("audit_viewer.urls")),
    path("", include("inspections.urls")),
]
