"""The access walk's world (one object of each kind, in each state) serves the audit tests too."""

import pytest

from audit.models import AuditEntry
from tests.access.conftest import world  # noqa: F401 - a fixture


@pytest.fixture
def new_entries(db):
    """A callable: the audit entries written since the test asked for this fixture, oldest first."""
    start = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def entries() -> list[AuditEntry]:
        return list(AuditEntry.objects.filter(id__gt=start).order_by("id"))

    return entries
