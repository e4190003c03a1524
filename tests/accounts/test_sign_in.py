"""Signing in through django-allauth's pages: a password, then the second factor for anyone
who has one; the demo users on `make run`; security.txt."""

import pytest
from django.urls import reverse

from accounts.demo import DEMO_PASSWORD
from tests.demo.test_load_demo import load_demo

from .signing_in import second_factor, sign_in, signed_in_as

pytestmark = pytest.mark.django_db


def test_the_old_sign_in_address_still_serves_the_form(client):
    assert reverse("account_login") == "/accounts/login/"
    page = client.get("/accounts/login/")
    assert page.status_code == 200 and "Forgotten your password?" in page.content.decode()


def test_a_password_then_the_authenticator_code_signs_in(client, opcc_staff):
    first = sign_in(client, "olivia")
    assert first["Location"] == reverse("mfa_authenticate")
    assert not signed_in_as(client)

    wrong = second_factor(client, code="000000")
    assert wrong.status_code == 200 and not signed_in_as(client)

    assert second_factor(client).status_code == 302
    assert signed_in_as(client) == opcc_staff


def test_an_email_address_signs_in_too(client, opcc_staff):
    assert sign_in(client, opcc_staff.email).status_code == 302
    second_factor(client)
    assert signed_in_as(client) == opcc_staff


def test_a_wrong_password_says_nothing_about_whether_the_account_exists(client, opcc_staff):
    real = sign_in(client, "olivia", "wrong-password-here")
    made_up = sign_in(client, "nobody", "wrong-password-here")
    assert real.status_code == made_up.status_code == 200
    assert real.context["form"].errors == made_up.context["form"].errors


def test_no_one_can_sign_themselves_up(client):
    page = client.post(
        reverse("account_signup"),
        {"username": "me", "email": "me@example.org", "password1": "x" * 20, "password2": "x" * 20},
    )
    assert "Sign Up Closed" in page.content.decode() or page.status_code == 403


def demo_settings(settings, *, mfa_required: bool) -> None:
    """What pccresponse.settings.local sets for `make run`."""
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "accounts.backends.DemoLoginBackend",
    ]
    settings.DEMO_LOGINS_ENABLED = True
    settings.MFA_REQUIRED_FOR_WRITERS = mfa_required


def test_a_demo_user_signs_in_on_make_run_without_a_second_factor(client, settings):
    demo_settings(settings, mfa_required=False)
    load_demo()

    assert sign_in(client, "opcc", DEMO_PASSWORD).status_code == 302
    assert client.get(reverse("inspections:report_list")).status_code == 200


def test_where_a_second_factor_is_required_a_demo_writer_must_set_one_up_first(client, settings):
    demo_settings(settings, mfa_required=True)
    load_demo()

    sign_in(client, "opcc", DEMO_PASSWORD)
    page = client.get(reverse("inspections:report_list"))
    assert page.status_code == 302 and page["Location"] == reverse("mfa_activate_totp")


def test_security_txt_says_whom_to_tell(client, settings):
    settings.SECURITY_CONTACT = "mailto:security@opcc.example"
    page = client.get("/.well-known/security.txt")
    assert page.status_code == 200 and page["Content-Type"].startswith("text/plain")
    text = page.content.decode()
    assert "Contact: mailto:security@opcc.example" in text and "Expires: " in text
