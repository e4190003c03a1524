"""The people page: an administrator invites by email, gives and takes away roles, deactivates
and unlocks; every change is recorded with who and when; deactivation and a change of roles
end the person's sessions and calendar address."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import AccountChange
from accounts.roles import Role, user_roles
from reminders.models import CalendarToken
from reminders.services import calendar_token_issue
from tests.factories import UserFactory

from .signing_in import second_factor, sign_in
from .test_lockout import fail

pytestmark = pytest.mark.django_db
User = get_user_model()
STRONG = "plinth-marmalade-ferry-quartz"


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def person_url(person) -> str:
    return reverse("people:person", args=[person.pk])


def changes(person) -> list[tuple[str, str, str]]:
    return [
        (c.kind, c.detail, c.by.username if c.by else "")
        for c in AccountChange.objects.filter(person=person).order_by("pk")
    ]


def test_an_invited_person_chooses_a_password_from_the_email_and_signs_in(admin_client):
    page = admin_client.post(
        reverse("people:list"),
        {
            "email": "Nia.Okoro@OPCC.example",
            "first_name": "Nia\r\n",
            "last_name": "Okoro",
            "roles": ["JASP member"],
        },
        follow=True,
    )
    assert "Invited nia.okoro@opcc.example" in page.content.decode()
    person = User.objects.get(email="nia.okoro@opcc.example")
    assert person.first_name == "Nia" and not person.has_usable_password()
    assert user_roles(person) == {Role.JASP}
    assert changes(person) == [
        ("invited", "nia.okoro@opcc.example", "alex"),
        ("role_added", "JASP member", "alex"),
    ]
    (email,) = mail.outbox
    link = re.search(r"https?://\S+/password/reset/key/\S+/", email.body)[0]

    newcomer = Client()
    form = newcomer.get(link, follow=True)
    newcomer.post(form.redirect_chain[-1][0], {"password1": STRONG, "password2": STRONG})
    assert sign_in(newcomer, "nia.okoro@opcc.example", STRONG).status_code == 302


def test_an_address_already_in_use_is_refused_and_nothing_is_made(admin_client, jasp):
    page = admin_client.post(
        reverse("people:list"),
        {"email": jasp.email.upper(), "first_name": "J", "last_name": "S", "roles": []},
    )
    assert "already has an account" in page.content.decode()
    assert User.objects.filter(email__iexact=jasp.email).count() == 1 and mail.outbox == []


def test_a_mail_server_that_refuses_the_invitation_leaves_no_account(admin_client, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    page = admin_client.post(
        reverse("people:list"),
        {"email": "new@opcc.example", "first_name": "N", "last_name": "O", "roles": []},
    )
    assert page.status_code == 200 and "could not be sent" in page.content.decode()
    assert not User.objects.filter(email="new@opcc.example").exists()


def test_changing_roles_is_recorded_and_ends_sessions_and_keeps_the_calendar_if_a_role_stays(
    admin_client, force_officer
):
    calendar_token_issue(user=force_officer)
    their_browser = Client()
    their_browser.force_login(force_officer)

    admin_client.post(
        person_url(force_officer), {"do": "roles", "roles": ["Deputy Chief Constable"]}
    )

    force_officer.refresh_from_db()
    assert user_roles(User.objects.get(pk=force_officer.pk)) == {Role.DCC}
    assert changes(force_officer) == [
        ("role_added", "Deputy Chief Constable", "alex"),
        ("role_removed", "Force staff", "alex"),
    ]
    assert their_browser.get(reverse("account")).status_code == 302
    assert CalendarToken.objects.filter(user=force_officer).exists()


def test_taking_every_role_away_revokes_the_calendar_address(admin_client, force_officer):
    calendar_token_issue(user=force_officer)
    admin_client.post(person_url(force_officer), {"do": "roles"})
    assert not user_roles(User.objects.get(pk=force_officer.pk))
    assert not CalendarToken.objects.filter(user=force_officer).exists()


def test_deactivating_ends_the_session_and_is_recorded(admin_client, jasp):
    their_browser = Client()
    their_browser.force_login(jasp)

    page = admin_client.post(person_url(jasp), {"do": "deactivate"}, follow=True)

    assert "Deactivated" in page.content.decode()
    assert not User.objects.get(pk=jasp.pk).is_active
    assert their_browser.get(reverse("account")).status_code == 302
    assert changes(jasp) == [("deactivated", "", "alex")]
    admin_client.post(person_url(jasp), {"do": "reactivate"})
    assert User.objects.get(pk=jasp.pk).is_active


def test_an_administrator_unlocks_a_locked_out_person(admin_client, jasp, settings):
    settings.AXES_FAILURE_LIMIT = 3
    fail(Client(), "james", 3)
    assert sign_in(Client(), "james").status_code == 429

    admin_client.post(person_url(jasp), {"do": "unlock"})

    assert sign_in(Client(), "james").status_code == 302
    assert changes(jasp)[-1][0] == "unlocked"


def test_an_administrator_cannot_lock_themselves_out(admin_client, administrator):
    admin_client.post(person_url(administrator), {"do": "deactivate"})
    page = admin_client.post(person_url(administrator), {"do": "roles", "roles": []})
    assert "cannot take away your own administrator role" in page.content.decode()
    assert User.objects.get(pk=administrator.pk).is_active
    assert not AccountChange.objects.filter(person=administrator).exists()


def test_someone_with_no_role_is_listed_as_waiting(admin_client):
    UserFactory(username="first.sso.sign.in", first_name="Pat", last_name="Lee")
    page = admin_client.get(reverse("people:list")).content.decode()
    assert "Waiting for a role" in page and "Pat Lee" in page


def test_an_administrator_starts_on_the_people_page_after_signing_in(client, administrator):
    sign_in(client, "alex")
    assert second_factor(client)["Location"] == reverse("people:list")


def test_the_people_page_is_for_administrators_only(client, opcc_staff):
    client.force_login(opcc_staff)
    assert client.get(reverse("people:list")).status_code == 403
