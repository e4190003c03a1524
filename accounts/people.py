"""The people services: what an administrator does on the people page (invite, give and take
away roles, deactivate, reactivate, unlock), each recorded as an AccountChange. Deactivation
and any change of roles end the person's sessions and calendar address (accounts.hooks)."""

import logging
import smtplib
from collections.abc import Iterable

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.models import User as AuthUser
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from core.plaintext import single_line
from core.site import absolute_url

from .lockout import lockout_clear
from .models import AccountChange, AccountChangeKind
from .roles import PEOPLE_ADMINS, Role, require_role, user_roles

log = logging.getLogger(__name__)
User = get_user_model()  # the model; annotations use django.contrib.auth.models.User


def _record(person, by, kind: AccountChangeKind, detail: str = "") -> None:
    AccountChange.objects.create(person=person, by=by, kind=kind, detail=detail)


@transaction.atomic
def person_invite(
    *, by: AuthUser, email: str, first_name: str, last_name: str, roles: Iterable[Role]
) -> AuthUser:
    """A new account with no password; an email with a link to choose one. If the email
    cannot be sent, nothing is kept."""
    require_role(by, PEOPLE_ADMINS)
    email = single_line(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "Someone already has an account with this address."})
    person = User(username=email, email=email, first_name=first_name, last_name=last_name)
    person.set_unusable_password()
    person.full_clean()
    person.save()
    EmailAddress.objects.create(user=person, email=email, primary=True, verified=True)
    _record(person, by, AccountChangeKind.INVITED, email)
    _set_roles(person, by, set(roles))
    _send_invitation(person, by)
    return person


def _send_invitation(person, by) -> None:
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(person),
            "key": default_token_generator.make_token(person),
        },
    )
    context = {
        "person": person,
        "by": by,
        "link": absolute_url(path),
        "sign_in": absolute_url(reverse("account_login")),
        "hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600),
    }
    message = EmailMessage(
        subject="You have been invited to pccresponse",
        body=render_to_string("emails/invitation.txt", context),
        to=[person.email],
    )
    try:
        message.send()
    except (OSError, ValueError, smtplib.SMTPException) as failure:
        log.warning("inviting %s failed: %s", person.email, failure)
        raise ValidationError(
            "The invitation could not be sent (the mail server did not accept it), so no "
            "account was made. Try again later."
        ) from failure


def _set_roles(person, by, wanted: set[Role]) -> None:
    held = set(user_roles(person))
    for role in sorted(wanted - held):
        person.groups.add(Group.objects.get(name=role.value))
        _record(person, by, AccountChangeKind.ROLE_ADDED, role.label)
    for role in sorted(held - wanted):
        person.groups.remove(Group.objects.get(name=role.value))
        _record(person, by, AccountChangeKind.ROLE_REMOVED, role.label)


@transaction.atomic
def person_set_roles(*, by, person, roles) -> None:
    """Give and take away roles so the person holds exactly `roles`."""
    require_role(by, PEOPLE_ADMINS)
    wanted = set(roles)
    if person.pk == by.pk and Role.ADMINISTRATOR not in wanted:
        raise ValidationError("You cannot take away your own administrator role.")
    _set_roles(person, by, wanted)


@transaction.atomic
def person_deactivate(*, by, person) -> None:
    require_role(by, PEOPLE_ADMINS)
    if person.pk == by.pk:
        raise ValidationError("You cannot deactivate your own account.")
    if not person.is_active:
        raise ValidationError("This account is already deactivated.")
    person.is_active = False
    person.save(update_fields=["is_active"])
    _record(person, by, AccountChangeKind.DEACTIVATED)


@transaction.atomic
def person_reactivate(*, by, person) -> None:
    require_role(by, PEOPLE_ADMINS)
    if person.is_active:
        raise ValidationError("This account is already active.")
    person.is_active = True
    person.save(update_fields=["is_active"])
    _record(person, by, AccountChangeKind.REACTIVATED)


@transaction.atomic
def person_unlock(*, by, person) -> int:
    """Forget the failed sign-ins counted against the person's username and email address."""
    require_role(by, PEOPLE_ADMINS)
    removed = lockout_clear(username=person.username, email=person.email)
    _record(person, by, AccountChangeKind.UNLOCKED, f"{removed} lockout records cleared")
    return removed


@transaction.atomic
def set_roles_from_provider(person, roles) -> None:
    """The roles an identity provider's mapped claim gives (accounts.adapter), recorded with no
    administrator's name."""
    _set_roles(person, None, set(roles))
