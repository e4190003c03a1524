"""Writers cannot reach any write URL without a second factor: a local account of a role that
changes data, with no authenticator, is sent to set one up from every page of the register,
and its valid POSTs save nothing. The JASP member, who changes nothing, is only offered it."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts.roles import WRITERS

from .snapshot import db_changes, db_snapshot
from .table import PERSONA_ROLES
from .valid_posts import WRITE_URLS, valid_post, writer_for

WRITER_PERSONAS = sorted(p for p, role in PERSONA_ROLES.items() if role in WRITERS)


@pytest.mark.parametrize("persona", WRITER_PERSONAS)
def test_a_writer_without_a_second_factor_reaches_no_page_of_the_register(
    persona, request, client, world
):
    user = request.getfixturevalue(persona)
    Authenticator.objects.filter(user=user).delete()
    client.force_login(user)
    setup = reverse("mfa_activate_totp")
    for name in WRITE_URLS:
        before = db_snapshot()
        url = world.url(name)
        for answer in (client.get(url), client.post(url, valid_post(name, world))):
            assert answer.status_code == 302 and answer["Location"] == setup, (persona, name)
        assert not db_changes(before, db_snapshot()), name


def test_the_valid_posts_save_once_the_writer_has_a_second_factor(client, world, request):
    """Keeps the test above honest: the same POSTs save for the same people with a factor."""
    name = "inspections:report_create"
    client.force_login(request.getfixturevalue(writer_for(name)))
    before = db_snapshot()
    assert client.post(world.url(name), valid_post(name, world)).status_code == 302
    assert db_changes(before, db_snapshot())


def test_the_jasp_member_reads_without_a_factor_and_is_offered_one(client, jasp, world):
    Authenticator.objects.filter(user=jasp).delete()
    client.force_login(jasp)
    assert client.get(reverse("inspections:report_list")).status_code == 200
    account = client.get(reverse("account")).content.decode()
    assert "recommended: an authenticator app or a passkey" in account
