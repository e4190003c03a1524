"""How every service stores a change to a response: refused if someone saved meanwhile, kept
as a version, and the reminders planned again."""

from core.concurrency import save_versioned

from . import hooks
from .models import Response, ResponseVersion
from .versions import record_version, response_changes_since


def save_response(
    response: Response, *, by, expected_version: int | None = None, note: str = ""
) -> ResponseVersion:
    save_versioned(
        response, expected_version=expected_version, describe_changes=response_changes_since
    )
    version = record_version(response=response, by=by, note=note)
    hooks.response_changed(response=response)
    return version
