"""Each event, driven through the real views, writes exactly one audit entry saying who, from
where, what, on which object, with the request's id."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditKind
from reminders.models import Ladder
from responses.models import Office, Signatory
from tests.access.valid_posts import valid_post
from tests.accounts.signing_in import second_factor, sign_in


def only_entry(entries, kind: AuditKind, response=None):
    assert [entry.kind for entry in entries] == [kind], [str(entry) for entry in entries]
    entry = entries[0]
    assert entry.remote_addr == "127.0.0.1"
    if response is not None:
        assert entry.request_id == response["X-Request-ID"]
    return entry


def is_about(entry, obj) -> bool:
    return (entry.object_type, entry.object_id) == (
        ContentType.objects.get_for_model(obj),
        str(obj.pk),
    )


def test_signing_in(client, opcc_staff, new_entries):
    assert sign_in(client, "olivia").status_code == 302  # on to the second factor
    assert new_entries() == []  # not signed in until the second factor is given
    response = second_factor(client)
    assert response.status_code == 302
    entry = only_entry(new_entries(), AuditKind.SIGN_IN, response)
    assert entry.actor == opcc_staff
    assert entry.detail == {"username": "olivia"}


def test_a_failed_sign_in_keeps_the_name_tried_and_never_the_password(client, db, new_entries):
    response = sign_in(client, "olivia", "hunter2-guess", address="127.0.0.1")
    assert response.status_code == 200
    entry = only_entry(new_entries(), AuditKind.SIGN_IN_FAILED, response)
    assert (entry.actor, entry.actor_label, entry.detail) == (
        None,
        "olivia",
        {"username": "olivia"},
    )
    assert "hunter2" not in str(entry.detail)


def test_a_lockout_is_one_entry_naming_the_account_and_the_address(
    client, opcc_staff, new_entries, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        sign_in(client, "olivia", "wrong-password", address="127.0.0.1")
    response = sign_in(client, "olivia", "wrong-password", address="127.0.0.1")
    assert response.status_code == 429
    kinds = [entry.kind for entry in new_entries()]
    assert kinds.count(AuditKind.LOCKOUT) == 1
    assert kinds.count(AuditKind.SIGN_IN_FAILED) == 3
    lockout = next(entry for entry in new_entries() if entry.kind == AuditKind.LOCKOUT)
    assert (lockout.actor_label, lockout.remote_addr) == ("olivia", "127.0.0.1")
    assert lockout.request_id == response["X-Request-ID"]
    # Refused again during the cool-off: a failed sign-in, not a second lockout.
    sign_in(client, "olivia", address="127.0.0.1")
    assert [entry.kind for entry in new_entries()].count(AuditKind.LOCKOUT) == 1


def test_signing_out(client, opcc_staff, new_entries):
    client.force_login(opcc_staff)
    before = len(new_entries())
    response = client.post(reverse("account_logout"))
    entry = only_entry(new_entries()[before:], AuditKind.SIGN_OUT, response)
    assert entry.actor == opcc_staff


def test_a_refusal_names_the_url_and_the_roles_and_outlives_the_rolled_back_request(
    client, jasp, new_entries
):
    client.force_login(jasp)
    before = len(new_entries())
    url = reverse("inspections:report_create")
    response = client.post(url, {"title": "x"})
    assert response.status_code == 403
    entry = only_entry(new_entries()[before:], AuditKind.PERMISSION_DENIED, response)
    assert entry.actor == jasp
    assert entry.detail == {
        "method": "POST",
        "url": url,
        "roles_held": ["JASP member"],
        "roles_required": ["OPCC staff"],
    }


def test_an_export_names_the_list_its_filters_and_its_rows(client, world, jasp, new_entries):
    client.force_login(jasp)
    before = len(new_entries())
    response = client.get(reverse("inspections:report_list_csv"), {"q": "", "page": "3"})
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    entry = only_entry(new_entries()[before:], AuditKind.EXPORT, response)
    assert entry.actor == jasp
    assert entry.detail == {
        "list": "register",
        "format": "csv",
        "filters": {"q": [""]},
        "rows": len(lines) - 1,
    }
    assert entry.detail["rows"] > 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_list_export_is_audited(client, world, dcc, new_entries, fmt):
    client.force_login(dcc)
    before = len(new_entries())
    response = client.get(reverse(f"dashboards:actions_{fmt}"), {"state": "open"})
    assert response.status_code == 200
    entry = only_entry(new_entries()[before:], AuditKind.EXPORT, response)
    assert entry.detail["format"] == fmt
    assert entry.detail["filters"] == {"state": ["open"]}


def test_an_evidence_download(client, world, jasp, new_entries):
    client.force_login(jasp)
    before = len(new_entries())
    response = client.get(world.url("inspections:evidence_download"))
    b"".join(response.streaming_content)
    entry = only_entry(new_entries()[before:], AuditKind.EVIDENCE_DOWNLOAD, response)
    assert is_about(entry, world.evidence)
    assert entry.detail == {"action_id": world.action.pk, "filename": "protocol.txt"}


def test_a_draft_pdf_download(client, world, pcc, new_entries):
    client.force_login(pcc)
    before = len(new_entries())
    response = client.get(world.url("responses:render_job_pdf"))
    b"".join(response.streaming_content)
    entry = only_entry(new_entries()[before:], AuditKind.PDF_DOWNLOAD, response)
    assert is_about(entry, world.done_job.response)
    assert entry.detail["job_id"] == world.done_job.pk


def test_an_update_report_pdf_download(client, world, jasp, new_entries):
    client.force_login(jasp)
    before = len(new_entries())
    response = client.get(world.url("dashboards:update_report_pdf"))
    b"".join(response.streaming_content)
    entry = only_entry(new_entries()[before:], AuditKind.PDF_DOWNLOAD, response)
    assert is_about(entry, world.done_paper)


@pytest.mark.parametrize(
    ("url_name", "persona", "kind", "obj"),
    [
        ("responses:approve", "pcc", AuditKind.APPROVAL, "submitted_response"),
        ("responses:publish", "opcc_staff", AuditKind.PUBLICATION, "approved_response"),
        ("responses:send", "opcc_staff", AuditKind.DISPATCH, "sent_response"),
        ("responses:reopen", "opcc_staff", AuditKind.CORRECTION, "sent_response"),
    ],
)
def test_each_response_step(client, world, request, new_entries, url_name, persona, kind, obj):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    before = len(new_entries())
    response = client.post(world.url(url_name), valid_post(url_name, world))
    assert response.status_code == 302
    entry = only_entry(new_entries()[before:], kind, response)
    assert entry.actor == user
    assert is_about(entry, getattr(world, obj))


def test_a_dispatch_names_the_version_and_recipients(client, world, opcc_staff, new_entries):
    client.force_login(opcc_staff)
    before = len(new_entries())
    client.post(world.url("responses:send"), valid_post("responses:send", world))
    (entry,) = new_entries()[before:]
    assert entry.detail["version"] == world.published_version.number
    assert len(entry.detail["recipients"]) == 2
    dispatch = world.published_version.dispatches.order_by("-sent_at").first()
    assert entry.detail["message_id"] == dispatch.message_id


def _form_data(obj, **changes) -> dict:
    """The admin form's fields as they are (booleans as a ticked box or nothing), changed."""
    data = {}
    for field in obj._meta.concrete_fields:
        if not field.editable or field.primary_key:
            continue
        value = getattr(obj, field.attname)
        if isinstance(field, models.FileField):
            continue  # no new file: the admin keeps the one there is
        if isinstance(value, bool):
            value = "on" if value else ""
        data[field.name] = "" if value is None else value
    return data | changes


def _admin_change(client, obj, **changes):
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    response = client.post(url, _form_data(obj, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


@pytest.mark.parametrize(
    ("model", "changes", "field"),
    [
        (Signatory, {"title": "PCC"}, "Title"),
        (Office, {"force_name": "Notts Police"}, "Force name"),
        (Ladder, {"active": ""}, "Active"),
    ],
)
def test_configuration_changed_in_the_admin(
    client, world, superuser, new_entries, model, changes, field
):
    client.force_login(superuser)
    obj = model.objects.order_by("pk").first()
    before = len(new_entries())
    response = _admin_change(client, obj, **changes)
    entry = only_entry(new_entries()[before:], AuditKind.CONFIG_CHANGE, response)
    assert entry.actor == superuser
    assert is_about(entry, obj)
    assert entry.detail == {"action": "changed", "fields": [field]}


def test_a_signatory_added_and_deleted_in_the_admin(client, world, superuser, new_entries):
    client.force_login(superuser)
    before = len(new_entries())
    response = client.post(
        reverse("admin:responses_signatory_add"),
        {
            "name": "A Deputy",
            "title": "Deputy PCC",
            "valid_from": "2010-05-01",
            "valid_to": "2012-05-01",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = Signatory.objects.get(name="A Deputy")
    client.post(reverse("admin:responses_signatory_delete", args=[added.pk]), {"post": "yes"})
    assert not Signatory.objects.filter(pk=added.pk).exists()
    entries = new_entries()[before:]
    assert [(entry.kind, entry.detail["action"]) for entry in entries] == [
        (AuditKind.CONFIG_CHANGE, "added"),
        (AuditKind.CONFIG_CHANGE, "deleted"),
    ]
    assert all(is_about(entry, added) for entry in entries)


def test_a_role_given_in_the_admin_is_an_account_change(client, superuser, jasp, new_entries):
    client.force_login(superuser)
    before = len(new_entries())
    url = reverse("admin:auth_user_change", args=[jasp.pk])
    groups = list(jasp.groups.values_list("pk", flat=True))
    opcc = Group.objects.get(name="OPCC staff")
    joined = timezone.localtime(jasp.date_joined)
    response = client.post(
        url,
        {
            "username": jasp.username,
            "first_name": jasp.first_name,
            "last_name": jasp.last_name,
            "email": jasp.email,
            "is_active": "on",
            "groups": [*groups, opcc.pk],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": f"{joined:%Y-%m-%d}",
            "date_joined_1": f"{joined:%H:%M:%S}",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = only_entry(new_entries()[before:], AuditKind.ACCOUNT_CHANGE, response)
    assert is_about(entry, jasp)
    assert entry.detail["action"] == "changed"
    assert "Groups" in entry.detail["fields"]  # (Date joined too: the form drops microseconds)
