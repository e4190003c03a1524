"""manage.py backup DIR: the database (pg_dump, custom format), the stored files and a manifest
with the SHA-256 of every file, in DIR (which must be new or empty)."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.migrations.recorder import MigrationRecorder

from backups import database, files, manifest


class Command(BaseCommand):
    help = "Back up the database and the stored files to DIR, with a manifest of SHA-256s."

    def add_arguments(self, parser):
        parser.add_argument("dir", type=Path)

    def handle(self, *args, dir: Path, **options):
        if dir.exists() and any(dir.iterdir()):
            raise CommandError(f"{dir} is not empty: give a new or empty folder.")
        dir.mkdir(parents=True, exist_ok=True)
        try:
            counts = database.dump(dir)
        except (database.DatabaseRefused, OSError) as error:
            raise CommandError(str(error)) from error
        except Exception as error:
            raise CommandError(f"pg_dump failed: {getattr(error, 'stderr', error)}") from error
        # After the dump: files are only ever added, so every file the dump names is copied.
        files.copy_out(dir)
        manifest.write(
            dir,
            {
                "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
                "database": database.DUMP,
                "row_counts": counts,
                "last_migration": MigrationRecorder.Migration.objects.order_by("-id")
                .values_list("app", "name")
                .first(),
            },
        )
        written = len(manifest.read_and_check(dir)["files"])
        rows = sum(counts.values())
        self.stdout.write(f"Backed up {rows} rows in {len(counts)} tables and {written} files.")
