"""Lockout (django-axes): after AXES_FAILURE_LIMIT failures for one name or from one address,
signing in is refused for the cool-off, even with the right password, with the same words for
a real account and a made-up one; an administrator's unlock lifts it at once."""

import datetime

import pytest
import time_machine

from accounts.lockout import lockout_clear

from .signing_in import second_factor, sign_in, signed_in_as

pytestmark = pytest.mark.django_db
PAUSED = "signing in is paused"


def fail(client, login: str, times: int, *, address: str = "192.0.2.10") -> int:
    """Sign in with a wrong password `times` times; the last answer's status (the failure
    that reaches the limit is answered with the lockout page itself)."""
    for _ in range(times - 1):
        assert sign_in(client, login, "not-the-password", address=address).status_code == 200
    return sign_in(client, login, "not-the-password", address=address).status_code


def test_the_right_password_still_works_after_a_few_failures(client, jasp, settings):
    settings.AXES_FAILURE_LIMIT = 5
    assert fail(client, "james", 4) == 200
    assert sign_in(client, "james").status_code == 302
    second_factor(client)
    assert signed_in_as(client) == jasp


def test_an_account_is_locked_after_the_limit_even_from_another_address(client, jasp, settings):
    settings.AXES_FAILURE_LIMIT = 5
    assert fail(client, "james", 5) == 429

    refused = sign_in(client, "james", address="198.51.100.7")

    assert refused.status_code == 429 and PAUSED in refused.content.decode()
    assert not signed_in_as(client)


def test_a_made_up_name_is_told_exactly_the_same(client, jasp, settings):
    settings.AXES_FAILURE_LIMIT = 3
    fail(client, "james", 3)
    fail(client, "nobody-of-that-name", 3, address="198.51.100.8")

    real = sign_in(client, "james", address="203.0.113.1")
    made_up = sign_in(client, "nobody-of-that-name", address="203.0.113.1")

    assert real.status_code == made_up.status_code == 429
    assert real.content == made_up.content


def test_an_address_is_locked_after_the_limit_whatever_name_it_tries(client, jasp, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for n in range(5):
        fail(client, f"guess{n}", 1, address="192.0.2.66")

    refused = sign_in(client, "james", address="192.0.2.66")

    assert refused.status_code == 429
    assert sign_in(client, "james", address="192.0.2.67").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, jasp, settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    fail(client, "james", 5)
    with time_machine.travel(datetime.timedelta(minutes=16)):
        assert sign_in(client, "james").status_code == 302


def test_trying_again_during_the_lock_starts_the_cool_off_again(client, jasp, settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    fail(client, "james", 5)
    with time_machine.travel(datetime.timedelta(minutes=14)):
        assert sign_in(client, "james").status_code == 429
    with time_machine.travel(datetime.timedelta(minutes=16)):
        assert sign_in(client, "james").status_code == 429
    with time_machine.travel(datetime.timedelta(minutes=16 + 16)):  # 16 after the last try
        assert sign_in(client, "james").status_code == 302


def test_an_administrators_unlock_lifts_it_at_once(client, opcc_staff, settings):
    settings.AXES_FAILURE_LIMIT = 5
    fail(client, "Olivia", 5)  # any capitalisation counts against the same name
    assert sign_in(client, "olivia").status_code == 429

    assert lockout_clear(username=opcc_staff.username, email=opcc_staff.email) >= 1

    assert sign_in(client, "olivia").status_code == 302
    second_factor(client)
    assert signed_in_as(client) == opcc_staff
