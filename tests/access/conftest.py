"""The world every access test walks through."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imports.services import import_from_text
from inspections import services
from inspections.choices import ActionStatus
from responses.choices import ResponseStatus
from responses.models import Office, Response, Signatory

from .world import (
    World,
    moved_to,
    publication_objects,
    update_report_objects,
    withdrawn_objects,
)

#: A report's recommendation as an office would paste it.
PASTED = "Recommendation 9\nBy 31 March 2030, the force should review its custody records.\n"


@pytest.fixture
def world(report, item, action, opcc_staff, pcc, force_officer, dcc, jasp, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    services.action_add_update(action=action, by=force_officer, text="Protocol drafted.")
    evidence = services.evidence_add(
        action=action,
        by=force_officer,
        description="The draft protocol",
        upload=SimpleUploadedFile("protocol.txt", b"The missing children protocol.\n"),
    )
    pending = services.action_create(
        item=item,
        by=force_officer,
        description="Train call handlers.",
        owner_user=force_officer,
        target_date=date(2030, 1, 31),
        status=ActionStatus.IN_PROGRESS,
    )
    services.evidence_add(
        action=pending, by=force_officer, description="Training log", link="https://example.org/"
    )
    pending = services.action_submit_for_sign_off(
        action=pending, by=force_officer, expected_version=pending.lock_version
    )
    Office.objects.create(
        name="Office of the Police and Crime Commissioner",
        address="Arnot Hill House\nArnold\nNottingham",
        force_name="Nottinghamshire Police",
    )
    Signatory.objects.create(name="Caroline Henry", valid_from=date(2016, 5, 12))
    people = {"opcc": opcc_staff, "pcc": pcc, "force": force_officer}
    response = Response.objects.get(report=report)  # opened with the report
    # Withdrawing an item of `report` saves its response again: made first, so the response
    # below (and the version the valid posts send) is the stored one.
    withdrawn = withdrawn_objects(report, opcc_staff)
    return World(
        report,
        item,
        action,
        pending,
        evidence,
        response=Response.objects.get(pk=response.pk),
        invited_response=moved_to(ResponseStatus.CC_INVITED, people),
        drafted_response=moved_to(ResponseStatus.DRAFTING, people),
        submitted_response=moved_to(ResponseStatus.SUBMITTED, people),
        approved_response=moved_to(ResponseStatus.APPROVED, people),
        opcc_staff=opcc_staff,
        **publication_objects(people),
        **update_report_objects(opcc_staff),
        import_job=import_from_text(report=report, text=PASTED, by=opcc_staff),
        **withdrawn,
    )
