"""The Django admin only reads the register (issue 11): no add, change, delete or history revert
for reports, items and actions, so nothing bypasses the services' rules. The office's details and
the signatories stay editable there; the response models are not editable there."""

import datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from inspections import services
from inspections.models import Action, Item, Report
from responses.models import (
    AnnexEntry,
    Dispatch,
    Office,
    PublishedVersion,
    RenderJob,
    Response,
    ResponseVersion,
    Signatory,
)
from tests.factories import ReportFactory

from .access.snapshot import db_changes, db_snapshot

REGISTER = (Report, Item, Action)
RESPONSE_MODELS = (Response, AnnexEntry, ResponseVersion, PublishedVersion, Dispatch, RenderJob)


@pytest.fixture
def admin_request(superuser):
    request = RequestFactory().get("/admin/")
    request.user = superuser
    return request


@pytest.mark.parametrize("model", REGISTER)
def test_the_register_can_be_read_but_not_added_changed_or_deleted(model, admin_request):
    model_admin = admin.site.get_model_admin(model)
    assert model_admin.has_view_permission(admin_request)
    assert not model_admin.has_add_permission(admin_request)
    assert not model_admin.has_change_permission(admin_request)
    assert not model_admin.has_delete_permission(admin_request)


@pytest.mark.parametrize("model", RESPONSE_MODELS)
def test_no_response_model_is_editable_in_the_admin(model, admin_request):
    if not admin.site.is_registered(model):
        return  # not in the admin at all: nothing to bypass the workflow with
    model_admin = admin.site.get_model_admin(model)
    assert not model_admin.has_add_permission(admin_request)
    assert not model_admin.has_change_permission(admin_request)
    assert not model_admin.has_delete_permission(admin_request)


@pytest.mark.parametrize("model", [Office, Signatory])
def test_the_office_and_signatories_stay_editable(model, admin_request):
    assert admin.site.get_model_admin(model).has_change_permission(admin_request)


def test_a_superusers_post_to_change_a_report_changes_nothing(client, superuser, report):
    client.force_login(superuser)
    before = db_snapshot()
    response = client.post(
        reverse("admin:inspections_report_change", args=[report.pk]),
        {
            "title": "Changed behind the services' back",
            "report_type": report.report_type,
            "scope": report.scope,
            "published_on": "1850-01-01",
            "summary": "",
            "lock_version": report.lock_version,
        },
    )
    assert response.status_code in (302, 403)
    assert db_changes(before, db_snapshot()) == []
    assert Report.objects.get(pk=report.pk).title == report.title


def test_a_superuser_cannot_delete_a_report_or_revert_its_history(client, superuser, opcc_staff):
    report = services.report_create(
        by=opcc_staff,
        title="Custody inspection",
        report_type="joint",
        scope="this_force",
        published_on=datetime.date(2024, 5, 1),
    )
    services.report_update(
        report=report, by=opcc_staff, expected_version=report.lock_version, title="Renamed"
    )
    first = Report.history.filter(id=report.pk).earliest("history_date")
    client.force_login(superuser)
    before = db_snapshot()

    deleted = client.post(
        reverse("admin:inspections_report_delete", args=[report.pk]), {"post": "yes"}
    )
    reverted = client.post(
        reverse("admin:inspections_report_simple_history", args=[report.pk, first.history_id]),
        {},
    )

    assert deleted.status_code == 403
    assert reverted.status_code == 403
    assert db_changes(before, db_snapshot()) == []


def test_the_admin_lists_and_shows_withdrawn_reports_and_their_history(
    client, superuser, opcc_staff
):
    report = services.report_withdraw(
        report=ReportFactory(title="Withdrawn by mistake"), by=opcc_staff, reason="Duplicate."
    )
    client.force_login(superuser)
    assert "Withdrawn by mistake" in client.get(reverse("admin:inspections_report_changelist")).text
    assert (
        client.get(reverse("admin:inspections_report_change", args=[report.pk])).status_code == 200
    )
    history = client.get(reverse("admin:inspections_report_history", args=[report.pk]))
    assert history.status_code == 200
