"""The audit trail's viewer: administrators only, filtered, paged, exported, linked to history."""

import datetime

import pytest
import time_machine
from django.urls import reverse

import audit
from audit.models import AuditEntry, AuditKind
from tests.clock import LONDON

URL = reverse("audit:entries")


@pytest.fixture
def trail(db, opcc_staff, jasp, report):
    """Three entries on two days (London time) by two people, one about a report."""
    with time_machine.travel(datetime.datetime(2026, 3, 1, 23, 30, tzinfo=LONDON), tick=False):
        audit.record(AuditKind.SIGN_IN, actor=opcc_staff)
        audit.record(AuditKind.EXPORT, actor=jasp, list="register", rows=3)
    with time_machine.travel(datetime.datetime(2026, 3, 2, 0, 30, tzinfo=LONDON), tick=False):
        audit.record(AuditKind.CONFIG_CHANGE, actor=opcc_staff, obj=report, action="changed")


#: The trail's entries are before this; the tests' own sign-ins and refusals are after.
TRAIL_ENDS = datetime.datetime(2026, 3, 3, tzinfo=LONDON)


def shown(response) -> list[str]:
    """The kinds of the trail's entries on the page, newest first."""
    rows = response.context["rows"]
    return [entry.kind for entry, _history in rows if entry.created_at < TRAIL_ENDS]


def test_only_administrators_and_superusers_read_the_trail(client, trail, personas, superuser):
    for name, user in personas.items():
        if name == "administrator":
            continue
        client.force_login(user)
        assert client.get(URL).status_code == 403, name
    for reader in (personas["administrator"], superuser):
        client.force_login(reader)
        response = client.get(URL)
        assert response.status_code == 200
        assert shown(response) == [AuditKind.CONFIG_CHANGE, AuditKind.EXPORT, AuditKind.SIGN_IN]


def test_a_refused_reader_is_in_the_trail(client, trail, jasp, superuser):
    client.force_login(jasp)
    client.get(URL)
    refusal = AuditEntry.objects.filter(kind=AuditKind.PERMISSION_DENIED).get()
    assert (refusal.actor, refusal.detail["url"]) == (jasp, URL)


@pytest.mark.parametrize(
    ("query", "kinds"),
    [
        ({"person": "OLIV"}, [AuditKind.CONFIG_CHANGE, AuditKind.SIGN_IN]),
        ({"person": "james"}, [AuditKind.EXPORT]),
        ({"kind": "export"}, [AuditKind.EXPORT]),
        ({"object": "inspection report"}, [AuditKind.CONFIG_CHANGE]),
        ({"date_from": "2026-03-02"}, [AuditKind.CONFIG_CHANGE]),
        ({"date_to": "2026-03-01"}, [AuditKind.EXPORT, AuditKind.SIGN_IN]),
        ({"date_from": "2026-03-03"}, []),
    ],
)
def test_filters(client, trail, superuser, query, kinds):
    client.force_login(superuser)
    assert shown(client.get(URL, query)) == kinds


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "31/02/2026"},
        {"date_from": "2026-03-02", "date_to": "2026-03-01"},
        {"kind": "coffee"},
        {"person": "x" * 500},
        {"page": "99"},
        {"page": "-1"},
        {"object": "\u202e<script>alert(1)</script>"},
    ],
)
def test_bad_filters_are_named_and_never_an_error(client, trail, superuser, query):
    client.force_login(superuser)
    response = client.get(URL, query)
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


def test_fifty_entries_a_page(client, db, superuser, opcc_staff):
    client.force_login(superuser)  # the first entry: the sign-in
    for n in range(69):
        audit.record(AuditKind.EXPORT, actor=opcc_staff, n=n)
    assert len(client.get(URL).context["rows"]) == 50
    assert len(client.get(URL, {"page": 2}).context["rows"]) == 20


def test_the_csv_export_has_the_filtered_entries_and_is_itself_audited(client, trail, superuser):
    client.force_login(superuser)
    response = client.get(reverse("audit:entries_csv"), {"person": "olivia"})
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Entry,When,Kind,Person,Address")
    assert len(lines) == 3
    assert "Changed the configuration" in lines[1]
    assert '{""action"": ""changed""}' in lines[1]
    export = AuditEntry.objects.order_by("-id").first()
    assert (export.kind, export.detail["list"], export.detail["rows"]) == (
        AuditKind.EXPORT,
        "audit-trail",
        2,
    )


def test_an_object_with_history_links_to_it(client, world, trail, superuser, report):
    audit.record(AuditKind.EVIDENCE_DOWNLOAD, actor=superuser, obj=world.evidence)
    client.force_login(superuser)
    links = {entry.kind: history for entry, history in client.get(URL).context["rows"]}
    assert links[AuditKind.CONFIG_CHANGE] == reverse(
        "admin:inspections_report_history", args=[report.pk]
    )
    # Evidence keeps no history of its own: its action's is linked.
    assert links[AuditKind.EVIDENCE_DOWNLOAD] == reverse(
        "admin:inspections_action_history", args=[world.action.pk]
    )
    assert links[AuditKind.SIGN_IN] == ""
    assert client.get(links[AuditKind.CONFIG_CHANGE]).status_code == 200


def test_the_navigation_offers_the_trail_to_administrators_only(
    client, trail, opcc_staff, administrator
):
    link = f'href="{URL}">Audit trail</a>'.encode()
    client.force_login(opcc_staff)
    assert link not in client.get(reverse("inspections:report_list")).content
    client.force_login(administrator)
    assert link in client.get(reverse("people:list")).content
