"""The trail itself: append-only in the database, hash-chained, verified by manage.py
audit_verify and daily by Celery, never forked by concurrent writers."""

import datetime
import json
import threading

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction

import audit
from audit.chain import GENESIS, entry_hash
from audit.models import AuditEntry, AuditKind
from audit.tasks import verify_audit_chain


def _entries(n: int, **detail) -> list[AuditEntry]:
    return [audit.record(AuditKind.EXPORT, list="register", n=i, **detail) for i in range(n)]


def _tamper(sql: str, params) -> None:
    """What a database user with the table owner's rights could do: switch the trigger off."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks left to run
        cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_append_only")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER audit_entry_append_only")


def test_each_entry_carries_the_hash_of_the_one_before(db):
    first, second, third = _entries(3)
    assert first.previous_hash == GENESIS
    assert second.previous_hash == first.hash
    assert third.previous_hash == second.hash
    stored = AuditEntry.objects.get(pk=third.pk)
    assert entry_hash(stored) == stored.hash  # the same hash from what the database gives back


def test_an_update_or_delete_is_refused_by_the_database(db):
    (entry,) = _entries(1)
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(actor_label="someone else")
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE audit_auditentry SET detail = '{}' WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).hash == entry.hash


def test_an_unknown_kind_is_refused_by_the_database(db):
    (entry,) = _entries(1)
    with pytest.raises(IntegrityError, match="audit_entry_kind_known"), transaction.atomic():
        AuditEntry.objects.create(
            created_at=entry.created_at, kind="coffee", hash="a" * 64, previous_hash=entry.hash
        )


def test_audit_verify_passes_an_intact_chain(db, capsys):
    _entries(4)
    call_command("audit_verify")
    assert "intact: 4 entries" in capsys.readouterr().out


def test_audit_verify_names_the_entry_altered_with_the_trigger_disabled(db):
    entries = _entries(5)
    altered = entries[2]
    _tamper("UPDATE audit_auditentry SET detail = %s WHERE id = %s", ['{"n": 99}', altered.pk])
    with pytest.raises(CommandError, match=rf"#{altered.pk}: its content does not match"):
        call_command("audit_verify")


def test_audit_verify_names_the_entry_after_one_removed(db):
    entries = _entries(5)
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [entries[1].pk])
    with pytest.raises(CommandError, match=rf"#{entries[2].pk}: its previous hash"):
        call_command("audit_verify")


def test_removing_the_oldest_entries_is_noticed_unless_they_were_archived(db, settings):
    entries = _entries(3)
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [entries[0].pk])
    with pytest.raises(CommandError, match=rf"#{entries[1].pk}: its previous hash"):
        call_command("audit_verify")
    settings.AUDIT_CHAIN_START = entries[0].hash  # what the archive's procedure sets
    call_command("audit_verify")


def test_a_forged_entry_rehashed_on_its_own_still_breaks_the_next_link(db):
    entries = _entries(3)
    forged = AuditEntry.objects.get(pk=entries[1].pk)
    forged.actor_label = "forged"
    _tamper(
        "UPDATE audit_auditentry SET actor_label = %s, hash = %s WHERE id = %s",
        ["forged", entry_hash(forged), forged.pk],
    )
    with pytest.raises(CommandError, match=rf"#{entries[2].pk}: its previous hash"):
        call_command("audit_verify")


def test_the_daily_check_emails_the_administrators_only_when_broken(db, settings):
    settings.ADMINS = ["it@example.org"]
    entries = _entries(2)
    assert verify_audit_chain() == "intact"
    assert mail.outbox == []
    _tamper("UPDATE audit_auditentry SET object_label = 'x' WHERE id = %s", [entries[0].pk])
    assert f"#{entries[0].pk}" in verify_audit_chain()
    (alert,) = mail.outbox
    assert alert.to == ["it@example.org"]
    assert f"audit entry #{entries[0].pk}" in alert.body


def test_without_admins_the_alert_goes_to_the_superusers(db, settings, superuser):
    settings.ADMINS = []
    (entry,) = _entries(1)
    _tamper("UPDATE audit_auditentry SET object_label = 'x' WHERE id = %s", [entry.pk])
    verify_audit_chain()
    assert mail.outbox[0].to == [superuser.email]


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_fork_the_chain():
    failures = []

    def write(worker: int) -> None:
        try:
            for n in range(15):
                with transaction.atomic():
                    audit.record(AuditKind.EXPORT, worker=worker, n=n)
        except Exception as error:
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert AuditEntry.objects.count() == 60
    call_command("audit_verify")


def test_archiving_writes_the_old_entries_and_says_how_to_continue_the_chain(
    db, settings, tmp_path, capsys
):
    with time_machine.travel(datetime.datetime(2019, 1, 1, 12, tzinfo=datetime.UTC), tick=False):
        old = _entries(2)
    recent = _entries(1)
    archive = tmp_path / "audit-2019.jsonl"
    call_command("audit_archive", str(archive))
    lines = [json.loads(line) for line in archive.read_text().splitlines()]
    assert [(line["id"], line["hash"]) for line in lines] == [(e.pk, e.hash) for e in old]
    printed = json.loads(capsys.readouterr().out)
    assert printed["last_hash"] == old[-1].hash
    # The owner removes them as printed and sets the chain's start: the rest still verifies.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(printed["then_as_the_table_owner"])
    assert list(AuditEntry.objects.values_list("pk", flat=True)) == [recent[0].pk]
    settings.AUDIT_CHAIN_START = printed["last_hash"]
    call_command("audit_verify")
