"""manage.py backup and restore, as an operator runs them: back up a populated installation,
restore into a new, empty database and storage, and find every table's rows and every file's
hash the same; refuse a backup that was altered and a database that is not empty."""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from backups import database
from backups.manifest import NAME, file_hashes, write

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")


def database_url(name: str) -> str:
    return urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))


def manage(*args: str, database_name: str, media: Path) -> subprocess.CompletedProcess:
    """manage.py in a process of its own, on the named database and media folder."""
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "pccresponse.settings.test",
        "DATABASE_URL": database_url(database_name),
        "DJANGO_MEDIA_ROOT": str(media),
    }
    return subprocess.run(
        [sys.executable, MANAGE, *args], env=environment, capture_output=True, text=True
    )


def counts_in(name: str) -> dict[str, int]:
    with psycopg.connect(database_url(name)) as conn:
        tables = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
        return {
            table: conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for (table,) in tables
        }


@pytest.fixture
def empty_database():
    """A new database with nothing in it, dropped at the end."""
    name = f"restored_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_empty_database_gives_the_same_rows_and_files(
    role_groups, world, empty_database, tmp_path_factory
):
    backup = tmp_path_factory.mktemp("backup") / "2026-12-03"
    call_command("backup", str(backup))
    original_counts = database.row_counts()
    original_files = file_hashes(Path(settings.MEDIA_ROOT))
    assert original_counts["audit_auditentry"] > 0
    assert original_counts["inspections_evidence"] > 0
    assert len(original_files) >= 3  # the evidence, the PDFs
    assert (backup / "database.dump").stat().st_size > 0

    restored_media = tmp_path_factory.mktemp("restored-media")
    done = manage("restore", str(backup), database_name=empty_database, media=restored_media)
    assert done.returncode == 0, done.stderr
    assert "every count and hash matches" in done.stdout

    assert counts_in(empty_database) == original_counts
    assert file_hashes(restored_media) == original_files
    verified = manage("audit_verify", database_name=empty_database, media=restored_media)
    assert verified.returncode == 0, verified.stderr

    # A second restore onto what is now a populated database is refused, and changes nothing.
    again = manage("restore", str(backup), database_name=empty_database, media=restored_media)
    assert again.returncode != 0
    assert "The database is not empty" in again.stderr
    assert counts_in(empty_database) == original_counts


@pytest.mark.django_db(transaction=True)
def test_an_altered_backup_is_refused_naming_the_file(
    role_groups, world, empty_database, tmp_path_factory
):
    backup = tmp_path_factory.mktemp("backup") / "b"
    call_command("backup", str(backup))
    evidence = next(
        path
        for path in (backup / "media").rglob("*")
        if path.is_file() and path.read_bytes() == b"The missing children protocol.\n"
    )
    evidence.write_bytes(evidence.read_bytes() + b"!")
    media = tmp_path_factory.mktemp("media")
    refused = manage("restore", str(backup), database_name=empty_database, media=media)
    assert refused.returncode != 0
    name = evidence.relative_to(backup).as_posix()
    assert f"{name} does not match its SHA-256" in refused.stderr
    assert counts_in(empty_database) == {}
    assert list(media.iterdir()) == []


def test_a_backup_missing_a_file_or_its_manifest_is_refused(db, tmp_path):
    (tmp_path / "media").mkdir()
    with pytest.raises(CommandError, match=f"no readable {NAME}"):
        call_command("restore", str(tmp_path))


def test_a_backup_is_never_written_over_another(db, tmp_path):
    (tmp_path / "something").write_text("x")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup", str(tmp_path))


def test_restoring_onto_this_populated_database_is_refused(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media-empty"
    backup = tmp_path / "b"
    shutil.copytree(Path(__file__).parent, backup / "media")  # any files, hashed below
    write(backup, {"database": "database.dump", "row_counts": {}})
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(backup))
