"""How django-allauth behaves here (decision 0014): no one signs themselves up (administrators
invite people, accounts.people); a first sign-in through a configured identity provider makes
an account with no role, waiting for an administrator, unless the provider's group claim maps
to roles (settings.OIDC_PROVIDERS), which then follow the claim at every sign-in."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.urls import reverse

from .models import AccountChange, AccountChangeKind
from .people import set_roles_from_provider
from .roles import PEOPLE_ADMINS, READERS, Role, user_roles


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def get_login_redirect_url(self, request) -> str:
        # An administrator who reads no register starts on the people page, not a 403.
        held = user_roles(request.user)
        if held and not held & READERS and held & PEOPLE_ADMINS:
            return reverse("people:list")
        return super().get_login_redirect_url(request)


def provider_config(provider_id: str) -> dict:
    return next((p for p in settings.OIDC_PROVIDERS if p["id"] == provider_id), {})


def roles_from_claims(config: dict, claims: dict) -> tuple[set[Role], set[Role]]:
    """(the roles the claims give, every role this provider's mapping manages)."""
    mapping = {value: Role(role) for value, role in config.get("roles", {}).items()}
    held = claims.get(config.get("roles_claim", "groups")) or []
    if isinstance(held, str):
        held = [held]
    return {role for value, role in mapping.items() if value in held}, set(mapping.values())


def _claims(sociallogin) -> dict:
    data = sociallogin.account.extra_data or {}
    # allauth keeps the ID token's claims and the userinfo answer; either may carry groups.
    return {**data.get("userinfo", {}), **data.get("id_token", {}), **data}


def roles_follow_claims(user, sociallogin) -> None:
    """Roles the provider's mapping manages follow its claim; others (given by an
    administrator) stay. Each change is recorded, by no one (the provider said so)."""

    given, managed = roles_from_claims(
        provider_config(sociallogin.account.provider), _claims(sociallogin)
    )
    if managed:
        held = set(user_roles(user))
        set_roles_from_provider(user, (held - managed) | given)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin) -> bool:
        # Only configured providers reach here: their people may have an account (no role).
        return True

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        name = provider_config(sociallogin.account.provider).get("name", "")
        AccountChange.objects.create(person=user, kind=AccountChangeKind.SIGNED_UP, detail=name)
        roles_follow_claims(user, sociallogin)
        return user

    def pre_social_login(self, request, sociallogin) -> None:
        if sociallogin.is_existing:
            roles_follow_claims(sociallogin.user, sociallogin)
