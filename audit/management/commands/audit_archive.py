"""manage.py audit_archive FILE: write the entries older than AUDIT_RETENTION_DAYS (or --before)
to FILE as JSON lines, each with its content and hash, and say how to remove them.

The app cannot remove them itself (the trigger refuses it); the table's owner does, in the
statement this prints, after the archive is kept safe. Then AUDIT_CHAIN_START is set to the
last archived hash, printed too, so audit_verify checks the chain from there.
"""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from audit.chain import canonical, content
from audit.models import AuditEntry


class Command(BaseCommand):
    help = "Archive audit entries older than the retention period to a JSON-lines file."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--before", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args, file: Path, before: datetime.date | None, **options):
        if file.exists():
            raise CommandError(f"{file} exists: archive to a new file.")
        today = timezone.localdate()
        before = before or today - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
        cutoff = timezone.make_aware(datetime.datetime.combine(before, datetime.time.min))
        entries = AuditEntry.objects.filter(created_at__lt=cutoff).order_by("id")
        last = None
        with file.open("wb") as archive:
            for entry in entries.select_related("object_type").iterator(2000):
                line = content(entry) | {"id": entry.pk, "hash": entry.hash}
                archive.write(canonical(line) + b"\n")
                last = entry
        if last is None:
            file.unlink()
            self.stdout.write(f"No entries before {before:%Y-%m-%d}: nothing archived.")
            return
        self.stdout.write(
            json.dumps(
                {
                    "archived_to": str(file),
                    "last_id": last.pk,
                    "last_hash": last.hash,
                    "then_as_the_table_owner": "ALTER TABLE audit_auditentry DISABLE TRIGGER "
                    f"audit_entry_append_only; DELETE FROM audit_auditentry WHERE id <= {last.pk};"
                    " ALTER TABLE audit_auditentry ENABLE TRIGGER audit_entry_append_only;",
                    "then_set": f"AUDIT_CHAIN_START={last.hash}",
                },
                indent=2,
            )
        )
