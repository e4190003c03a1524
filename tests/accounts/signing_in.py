"""Signing in through the real pages (django-allauth's forms), as a person would."""

import pyotp
from django.urls import reverse

from tests.factories import PASSWORD, TOTP_SECRET


def sign_in(client, login: str, password: str = PASSWORD, *, address: str = "192.0.2.10"):
    """POST the sign-in form from `address`; the answer, not followed."""
    return client.post(
        reverse("account_login"), {"login": login, "password": password}, REMOTE_ADDR=address
    )


def second_factor(client, code: str | None = None):
    """Answer the second-factor question with the authenticator app's current code."""
    code = code or pyotp.TOTP(TOTP_SECRET).now()
    return client.post(reverse("mfa_authenticate"), {"code": code})


def signed_in_as(client):
    page = client.get(reverse("account"))
    return page.status_code == 200 and page.context["user"]
