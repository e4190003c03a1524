"""Sessions, under frozen time: signed out after SESSION_IDLE_MINUTES without a request and
SESSION_ABSOLUTE_HOURS after signing in; the cookie ends with the browser; every session ends
on "sign out everywhere", on deactivation and on a change of roles."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from tests.conftest import LONDON

from .signing_in import second_factor, sign_in, signed_in_as

pytestmark = pytest.mark.django_db
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=LONDON)


def at(minutes: float):
    return time_machine.travel(START + datetime.timedelta(minutes=minutes), tick=False)


def register(client):
    return client.get(reverse("inspections:report_list"))


def sent_to_sign_in(page) -> bool:
    return page.status_code == 302 and page["Location"].startswith(reverse("account_login"))


@pytest.fixture
def signed_in(client, opcc_staff):
    with at(0):
        client.force_login(opcc_staff)
        assert register(client).status_code == 200
    return client


def test_a_session_left_idle_for_the_set_time_ends(signed_in, settings):
    settings.SESSION_IDLE_MINUTES = 30
    with at(29):
        assert register(signed_in).status_code == 200
    with at(29 + 29):
        assert register(signed_in).status_code == 200
    with at(29 + 29 + 30):
        page = register(signed_in)
        assert sent_to_sign_in(page)
        landing = signed_in.get(page["Location"])
    assert "after 30 minutes without activity" in landing.content.decode()
    assert not signed_in_as(signed_in)


def test_a_polling_progress_bar_does_not_keep_a_session_alive(signed_in, settings):
    settings.SESSION_IDLE_MINUTES = 30
    for minute in (10, 20, 29):
        with at(minute):
            signed_in.get(reverse("account"), HTTP_HX_REQUEST="true")
    with at(31):
        assert sent_to_sign_in(register(signed_in))


def test_the_keep_alive_address_starts_the_idle_clock_again(signed_in, settings):
    settings.SESSION_IDLE_MINUTES = 30
    with at(28):
        assert signed_in.get(reverse("session_keepalive")).status_code == 200
    with at(28 + 29):
        assert register(signed_in).status_code == 200


def test_a_busy_session_still_ends_at_the_absolute_lifetime(signed_in, settings):
    settings.SESSION_ABSOLUTE_HOURS = 12
    for minute in range(20, 12 * 60, 20):
        with at(minute):
            assert register(signed_in).status_code == 200, minute
    with at(12 * 60):
        page = register(signed_in)
    assert sent_to_sign_in(page)
    assert "at most 12 hours" in signed_in.get(page["Location"]).content.decode()


def test_the_session_cookie_ends_when_the_browser_closes(client, jasp):
    assert sign_in(client, jasp.username).status_code == 302
    second_factor(client)
    cookie = client.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_deactivation_ends_a_live_session(signed_in, opcc_staff):
    with at(5):
        opcc_staff.is_active = False
        opcc_staff.save()

        assert not Session.objects.exists()
        assert sent_to_sign_in(register(signed_in))


def test_a_change_of_roles_ends_every_session(signed_in, opcc_staff):
    with at(5):
        other_browser = Client()
        other_browser.force_login(opcc_staff)

        opcc_staff.groups.add(Group.objects.get(name=Role.PCC.value))

        assert not Session.objects.exists()
        assert sent_to_sign_in(register(signed_in))
        assert sent_to_sign_in(register(other_browser))


def test_signing_out_everywhere_ends_the_other_browsers_too(signed_in, opcc_staff):
    with at(5):
        other_browser = Client()
        other_browser.force_login(opcc_staff)
        assert register(signed_in).status_code == 200

        page = other_browser.post(reverse("sign_out_everywhere"), follow=True)

        assert "signed out on every device" in page.content.decode()
        assert sent_to_sign_in(register(signed_in))
        assert sent_to_sign_in(register(other_browser))
