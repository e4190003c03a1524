"""Passwords: at least 12 characters, not common, not like the person's name, not a leaked
pattern (zxcvbn's offline lists); changed and reset through pages, reset links expire."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import UserFactory

from .signing_in import sign_in

pytestmark = pytest.mark.django_db
STRONG = "plinth-marmalade-ferry-quartz"


@pytest.mark.parametrize(
    "weak", ["correcthorse", "Winter2026!", "opccstaff", "password1234", "oliviacarter"]
)
def test_weak_passwords_are_refused(weak):
    user = UserFactory.build(username="olivia", first_name="Olivia", last_name="Carter")
    with pytest.raises(ValidationError):
        validate_password(weak, user)


def test_a_long_unguessable_passphrase_is_accepted():
    validate_password(STRONG, UserFactory.build(username="olivia"))


def test_the_password_change_page_refuses_a_weak_one_and_takes_a_strong_one(client, jasp):
    client.force_login(jasp)
    url = reverse("account_change_password")
    form = {"oldpassword": "correct horse battery staple", "password1": "", "password2": ""}

    weak = client.post(url, {**form, "password1": "Winter2026!", "password2": "Winter2026!"})
    assert weak.status_code == 200 and weak.context["form"].errors["password1"]

    client.post(url, {**form, "password1": STRONG, "password2": STRONG})
    jasp.refresh_from_db()
    assert jasp.check_password(STRONG)


def reset_link(client, email: str) -> str | None:
    mail.outbox.clear()
    client.post(reverse("account_reset_password"), {"email": email})
    if not mail.outbox:
        return None
    return re.search(r"https?://\S+/password/reset/key/\S+/", mail.outbox[0].body)[0]


def set_new_password(client, link: str):
    form = client.get(link, follow=True)
    url = form.redirect_chain[-1][0] if form.redirect_chain else link
    return client.post(url, {"password1": STRONG, "password2": STRONG}, follow=True)


def test_a_reset_link_sets_a_new_password_once(client, jasp):
    link = reset_link(client, jasp.email)
    assert link and mail.outbox[0].subject.startswith("pccresponse: ")

    set_new_password(client, link)
    jasp.refresh_from_db()
    assert jasp.check_password(STRONG)
    again = client.get(link, follow=True)
    assert "bad token" in again.content.decode().lower() or "invalid" in again.content.decode()


def test_a_reset_link_expires_after_the_set_time(client, jasp, settings):
    settings.PASSWORD_RESET_TIMEOUT = 3600
    link = reset_link(client, jasp.email)
    with time_machine.travel(datetime.timedelta(hours=1, minutes=1)):
        set_new_password(client, link)
    jasp.refresh_from_db()
    assert not jasp.check_password(STRONG)


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, jasp):
    known = client.post(reverse("account_reset_password"), {"email": jasp.email}, follow=True)
    mail.outbox.clear()
    unknown = client.post(
        reverse("account_reset_password"), {"email": "nobody@example.org"}, follow=True
    )
    assert mail.outbox == []
    assert known.redirect_chain == unknown.redirect_chain
    assert sign_in(client, jasp.username, STRONG).status_code == 200  # still the old password
