"""manage.py restore DIR: a backup from manage.py backup, into an empty database and empty file
storage, once its manifest checks out; then every table's row count is compared."""

import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups import database, files, manifest


class Command(BaseCommand):
    help = "Restore a backup made by manage.py backup into an empty database and storage."

    def add_arguments(self, parser):
        parser.add_argument("dir", type=Path)

    def handle(self, *args, dir: Path, **options):
        try:
            contents = manifest.read_and_check(dir)
            database.check_empty()
            files.check_empty()
            database.restore(dir)
        except (manifest.BadBackup, files.StorageRefused, database.DatabaseRefused) as refusal:
            raise CommandError(f"Nothing was restored: {refusal}") from refusal
        except subprocess.CalledProcessError as error:
            stderr = error.stderr.decode(errors="replace")
            raise CommandError(f"pg_restore failed: {stderr}") from error
        files.copy_in(dir)
        counts = database.row_counts()
        expected = contents["row_counts"]
        if counts != expected:
            wrong = sorted(
                table
                for table in expected.keys() | counts.keys()
                if counts.get(table) != expected.get(table)
            )
            raise CommandError(f"Restored, but these tables' row counts differ: {wrong}")
        self.stdout.write(
            f"Restored {sum(counts.values())} rows in {len(counts)} tables and "
            f"{len(contents['files']) - 1} files; every count and hash matches."
        )
