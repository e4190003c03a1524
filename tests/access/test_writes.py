"""Valid data, and the other verbs: what a POST with valid data saves, and for whom; that the
JASP member writes nowhere, not even through the admin; that PUT, PATCH and DELETE write nothing."""

from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from .routes import build_path, url_routes
from .snapshot import db_changes, db_snapshot
from .valid_posts import WRITE_URLS, valid_post, writer_for


def test_every_write_url_has_valid_data():
    assert set(WRITE_URLS) == {
        "inspections:report_create",
        "inspections:report_update",
        "inspections:item_create",
        "inspections:item_update",
        "inspections:item_oversight",
        "inspections:report_withdraw",
        "inspections:report_restore",
        "inspections:item_withdraw",
        "inspections:item_restore",
        "inspections:action_create",
        "inspections:action_update",
        "inspections:action_target_date",
        "inspections:update_create",
        "inspections:evidence_create",
        "inspections:action_submit",
        "inspections:action_sign_off",
        "responses:compose",
        "responses:assign_owner",
        "responses:invite",
        "responses:cc_comments",
        "responses:no_cc_comments",
        "responses:submit",
        "responses:approve",
        "responses:publish",
        "responses:send",
        "responses:reopen",
        "responses:previews",
        "responses:render_job",
        "reminders:calendar",
        "dashboards:update_reports",
        "dashboards:update_report",
        "imports:start",
        "imports:job",
        "people:list",
        "people:person",
    }


SHOWN_ONCE = {"reminders:calendar"}


@pytest.mark.parametrize("name", WRITE_URLS)
def test_the_valid_data_saves_when_the_right_role_sends_it(name, request, client, world):
    """Keeps the JASP test below honest: its refused POSTs would otherwise have saved."""
    client.force_login(request.getfixturevalue(writer_for(name)))
    before = db_snapshot()
    response = client.post(world.url(name), valid_post(name, world))
    # The calendar page answers its POST itself: the new address is shown in that answer only.
    success = 200 if name in SHOWN_ONCE else 302
    assert response.status_code == success, response.context and response.context.get("form").errors
    assert db_changes(before, db_snapshot())


@pytest.mark.parametrize("name", WRITE_URLS)
def test_the_jasp_member_cannot_write_through_any_url_even_with_valid_data(
    name, client, jasp, world
):
    client.force_login(jasp)
    before = db_snapshot()
    response = client.post(world.url(name), valid_post(name, world))
    assert response.status_code == 403
    assert db_changes(before, db_snapshot()) == []


def test_the_jasp_member_cannot_delete_anything_through_the_admin(client, jasp, world):
    deletes = [r for r in url_routes() if r.name and r.name.endswith("_delete")]
    assert len(deletes) >= 7  # auth's user and group, and the register's models
    for route in deletes:
        url = build_path(route, world.params(route))
        client.force_login(jasp)
        before = db_snapshot()
        response = client.post(url, {"post": "yes"})
        assert response.status_code == 302, url
        assert urlsplit(response["Location"]).path == reverse("admin:login"), url
        assert db_changes(before, db_snapshot()) == [], url


def test_a_superuser_can_delete_through_the_admin(client, superuser, world):
    """Keeps the test above honest: the same POST deletes when a superuser sends it. (Not a
    report: the register is read-only in the admin, tests/test_admin_read_only.py.)"""
    spare = Group.objects.create(name="Spare group")
    client.force_login(superuser)
    response = client.post(reverse("admin:auth_group_delete", args=[spare.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Group.objects.filter(pk=spare.pk).exists()


@pytest.mark.parametrize("name", WRITE_URLS)
def test_readers_cannot_write_with_put_patch_or_delete(name, request, client, world):
    url = world.url(name)
    body = urlencode(valid_post(name, world))
    for persona in ("jasp", "pcc"):
        client.force_login(request.getfixturevalue(persona))
        for method in ("PUT", "PATCH", "DELETE"):
            before = db_snapshot()
            response = client.generic(
                method, url, body, content_type="application/x-www-form-urlencoded"
            )
            assert response.status_code in (403, 405), f"{method} {url} as {persona}"
            assert db_changes(before, db_snapshot()) == [], f"{method} {url} as {persona}"


def test_a_superuser_gets_into_the_admin(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200
