def restrict_admin_to_superusers(site) -> None:
    """The Django admin is for superusers only: staff flags alone do not open it."""

    def has_permission(request):
        return request.user.is_active and request.user.is_superuser

    site.has_permission = has_permission
