"""Identity providers from settings: one allauth OpenID Connect app per organisation, a sign-in
button each; a group claim mapped to roles in the settings."""

import pytest
from django.urls import reverse

from accounts.adapter import roles_from_claims
from accounts.roles import Role

OPCC_TENANT = {
    "id": "opcc",
    "name": "the OPCC (Entra ID)",
    "roles_claim": "groups",
    "roles": {"9b1c-opcc-staff": "OPCC staff", "77aa-pcc": "PCC"},
}


def test_a_mapped_group_claim_gives_its_roles_and_the_mapping_names_what_it_manages():
    given, managed = roles_from_claims(OPCC_TENANT, {"groups": ["9b1c-opcc-staff", "other"]})
    assert given == {Role.OPCC_STAFF}
    assert managed == {Role.OPCC_STAFF, Role.PCC}


def test_an_unknown_user_with_no_mapped_group_gets_no_role():
    given, _ = roles_from_claims(OPCC_TENANT, {"groups": ["not-mapped"]})
    assert given == set()
    assert roles_from_claims(OPCC_TENANT, {})[0] == set()


def test_a_single_valued_claim_counts_too():
    assert roles_from_claims(OPCC_TENANT, {"groups": "77aa-pcc"})[0] == {Role.PCC}


@pytest.mark.django_db
def test_each_configured_provider_has_its_sign_in_button(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": key,
                    "name": name,
                    "client_id": f"{key}-client",
                    "secret": "not-used-here",
                    "settings": {"server_url": f"https://{key}.idp.example/v2.0"},
                }
                for key, name in (("opcc", "the OPCC"), ("force", "Nottinghamshire Police"))
            ]
        }
    }
    page = client.get(reverse("account_login")).content.decode()
    assert "Sign in with the OPCC" in page and "Sign in with Nottinghamshire Police" in page
    assert "/accounts/oidc/opcc/login/" in page and "/accounts/oidc/force/login/" in page
