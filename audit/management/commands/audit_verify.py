"""manage.py audit_verify: walk the audit chain; exit 1 naming the first broken entry."""

from django.core.management.base import BaseCommand, CommandError

from audit.chain import first_break
from audit.models import AuditEntry


class Command(BaseCommand):
    help = "Check every audit entry's hash and link; name the first broken entry."

    def handle(self, *args, **options):
        broken = first_break()
        if broken is not None:
            raise CommandError(f"The audit trail is broken at {broken}.")
        count = AuditEntry.objects.count()
        self.stdout.write(f"The audit trail is intact: {count} entries checked.")
