"""The database part: pg_dump's custom format (consistent: one snapshot, shared with the row
counts written beside it) and pg_restore into an empty database. PostgreSQL only; the SQLite
database of `make run` is a file to copy."""

import os
import shutil
import subprocess
from pathlib import Path

from django.db import connection, transaction

DUMP = "database.dump"


class DatabaseRefused(Exception):
    pass


def _tool(name: str) -> str:
    """pg_dump or pg_restore: from PG_BIN, else the PATH (Debian's wrapper picks the version)."""
    folder = os.environ.get("PG_BIN")
    found = str(Path(folder) / name) if folder else shutil.which(name)
    if not found:
        raise DatabaseRefused(f"{name} was not found: install the PostgreSQL client or set PG_BIN.")
    return found


def _libpq_environment() -> dict[str, str]:
    """The connection settings as libpq's environment (no password on a command line)."""
    settings = connection.settings_dict
    values = {
        "PGHOST": settings.get("HOST") or "",
        "PGPORT": str(settings.get("PORT") or ""),
        "PGUSER": settings.get("USER") or "",
        "PGPASSWORD": settings.get("PASSWORD") or "",
        "PGDATABASE": settings["NAME"],
    }
    return os.environ | {key: value for key, value in values.items() if value}


def table_names() -> list[str]:
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def row_counts() -> dict[str, int]:
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in table_names():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _check_postgresql() -> None:
    if connection.vendor != "postgresql":
        raise DatabaseRefused("Backups are made of PostgreSQL databases only.")


def dump(folder: Path) -> dict[str, int]:
    """Dump the database to folder/database.dump; the row counts of every table in the very
    snapshot pg_dump read (exported from this transaction), for the restore to compare."""
    _check_postgresql()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        counts = row_counts()
        subprocess.run(
            [
                _tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={folder / DUMP}",
            ],
            env=_libpq_environment(),
            check=True,
            capture_output=True,
        )
    return counts


def check_empty() -> None:
    _check_postgresql()
    if table_names():
        raise DatabaseRefused(
            "The database is not empty: a backup is restored only into an empty database."
        )


def restore(folder: Path) -> None:
    """pg_restore into this database, which must have no tables at all; in one transaction, so
    a restore that fails leaves it empty."""
    check_empty()
    connection.close()  # pg_restore brings its own connection
    subprocess.run(
        [
            _tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(folder / DUMP),
        ],
        env=_libpq_environment(),
        check=True,
        capture_output=True,
    )
