"""What views know of their request, for the type checker."""

from typing import TYPE_CHECKING, cast

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from django.views.generic.base import ContextMixin, View

    class ViewMixin(ContextMixin, View):
        """To the type checker, a view mixin is part of a view: it may use `request`,
        `kwargs` and super().get_context_data()."""

else:
    # At run time a mixin is a plain class, put before the view it serves.
    ViewMixin = object


def signed_in_user(request: HttpRequest) -> User:
    """The request's user behind LoginRequiredMiddleware and the role checks: never anonymous."""
    if not request.user.is_authenticated:
        raise ValueError("a signed-in page was reached without a signed-in user")
    return cast(User, request.user)


def htmx(request: HttpRequest) -> HtmxDetails:
    """What django-htmx's middleware found out about the request (is it htmx's, from where)."""
    details: HtmxDetails = request.htmx  # type: ignore[attr-defined]
    return details
