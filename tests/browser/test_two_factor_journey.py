"""Two-factor in the browser: an OPCC officer without a second factor signs in, is sent to set
up an authenticator app before anything else, sees the recovery codes once, and later signs in
with a recovery code instead of the app; axe on every page."""

import pyotp
import pytest
from playwright.sync_api import expect

from accounts.roles import Role
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser


def sign_in_with_password(visitor, username: str):
    visitor.goto("/accounts/login/")
    visitor.page.get_by_label("Username").fill(username)
    visitor.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visitor.press("Sign in")


def test_an_officer_sets_up_totp_then_signs_in_with_a_recovery_code(browsing):
    UserFactory(username="nadia", first_name="Nadia", role=Role.OPCC_STAFF, totp=False)
    officer = browsing.visitor()

    sign_in_with_password(officer, "nadia")
    # Straight to setting up the app, no page of the register first; adding a factor asks for
    # the password again (allauth's re-authentication), so a borrowed session cannot.
    officer.expect_message("needs a second factor")
    officer.expect_heading("Confirm Access")
    officer.page.get_by_label("Password").fill(PASSWORD)
    officer.press("Confirm")
    officer.expect_heading("Activate Authenticator App")
    secret = officer.page.get_by_label("Authenticator secret").input_value()
    officer.page.get_by_label("Authenticator code").fill(pyotp.TOTP(secret).now())
    officer.press("Activate")

    officer.expect_heading("Recovery Codes")
    codes = officer.page.get_by_label("Unused codes").input_value().split()
    assert len(codes) == 10
    officer.goto("/")
    officer.expect_heading("Register of HMICFRS reports")

    # Shown once: the page does not show them again.
    officer.goto("/accounts/2fa/recovery-codes/")
    expect(officer.page.get_by_label("Unused codes")).to_have_count(0)
    expect(officer.main).not_to_contain_text(codes[0])

    officer.follow(officer.page.get_by_role("button", name="Sign out"))
    officer.expect_message("You have signed out.")

    sign_in_with_password(officer, "nadia")
    officer.expect_heading("Two-factor authentication")
    officer.page.get_by_label("Authenticator code").fill(codes[0])
    officer.press("Sign in")
    officer.expect_heading("Register of HMICFRS reports")
    expect(officer.page.get_by_role("navigation", name="Main")).to_contain_text("Nadia")
