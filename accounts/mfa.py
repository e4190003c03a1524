"""A second factor before any change: a local account whose role can change data must set up
TOTP (or a passkey) before it reaches any page but the ones that set it up (decision 0014).
Signing in itself asks for the factor once one is set up (django-allauth's MFA stage). People
who signed in through their organisation's identity provider are asked for a factor there."""

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect

from .roles import WRITERS, has_role

#: Where a user without a factor may still go: setting one up, signing out, the public pages.
OPEN_PREFIXES = ("/accounts/", "/static/", "/published/")


def signed_in_through_provider(request) -> bool:
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "socialaccount" for record in records)


def second_factor_missing(request) -> bool:
    user = request.user
    return (
        settings.MFA_REQUIRED_FOR_WRITERS
        and user.is_authenticated
        and has_role(user, WRITERS)
        and not signed_in_through_provider(request)
        and not is_mfa_enabled(user)
    )


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(OPEN_PREFIXES) and second_factor_missing(request):
            messages.warning(
                request,
                "Your role can change the register, so it needs a second factor: set up an "
                "authenticator app first.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
