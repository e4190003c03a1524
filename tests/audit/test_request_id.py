"""Every request has an id: a sane one from the proxy is kept, anything else replaced."""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory

from audit.models import AuditEntry

LOGIN = "/accounts/login/"


def test_a_sane_request_id_from_the_proxy_is_kept_and_sent_back(client, db):
    response = client.get(LOGIN, headers={"X-Request-ID": "lb-4f2a.9:1"})
    assert response["X-Request-ID"] == "lb-4f2a.9:1"


@pytest.mark.parametrize(
    "header", ["", "has space", "<script>", "x" * 65, "\u202eevil", "-leading-dash"]
)
def test_anything_else_is_replaced_by_a_new_id(client, db, header):
    response = client.get(LOGIN, headers={"X-Request-ID": header})
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_two_requests_without_one_get_different_ids(client, db):
    assert client.get(LOGIN)["X-Request-ID"] != client.get(LOGIN)["X-Request-ID"]


def test_the_admin_shows_the_trail_but_cannot_add_change_or_delete(superuser):
    request = RequestFactory().get("/admin/")
    request.user = superuser
    model_admin = admin.site.get_model_admin(AuditEntry)
    assert model_admin.has_view_permission(request)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
