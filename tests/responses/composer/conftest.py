"""The composer tests' world: the NCPI 2019 report with its items recorded out of printed order,
its response, the version the composer starts from, the commissioner who signs, and a second
member of the office's staff."""

import datetime

import pytest

from accounts.roles import Role
from inspections import services as register
from inspections.choices import Addressee, ItemKind, ReportType, Scope
from responses.models import Response, Signatory
from tests.factories import UserFactory


@pytest.fixture
def second_opcc_staff(db):
    return UserFactory(username="oscar", role=Role.OPCC_STAFF)


@pytest.fixture
def ncpi(opcc_staff):
    """The NCPI 2019 thematic report, its items recorded out of printed order."""
    report = register.report_create(
        by=opcc_staff,
        title="National Child Protection Inspections 2019",
        report_type=ReportType.NATIONAL,
        scope=Scope.ALL_FORCES,
        published_on=datetime.date(2020, 2, 27),
        hmicfrs_url="https://www.justiceinspectorates.gov.uk/hmicfrs/",
    )
    for kind, reference, position, addressee in (
        (ItemKind.AREA_FOR_IMPROVEMENT, "AFI 1", 4, Addressee.THIS_FORCE),
        (ItemKind.RECOMMENDATION, "2", 3, Addressee.HOME_OFFICE),
        (ItemKind.CAUSE_OF_CONCERN, "1", 1, Addressee.ALL_CHIEF_CONSTABLES),
        (ItemKind.RECOMMENDATION, "1", 2, Addressee.ALL_CHIEF_CONSTABLES),
    ):
        register.item_create(
            report=report,
            by=opcc_staff,
            kind=kind,
            reference=reference,
            position=position,
            addressee=addressee,
            text=f"Item {reference} as printed in the report.",
        )
    return report


@pytest.fixture
def response(ncpi):
    return Response.objects.get(report=ncpi)


@pytest.fixture
def start(response) -> int:
    """The version the composer starts from: opened with the report, then one more for each
    recommendation or AFI recorded (each adds its annex entry as a version)."""
    return response.lock_version


@pytest.fixture
def commissioner(db):
    return Signatory.objects.create(
        name="Paddy Tipping",
        title="Police and Crime Commissioner",
        valid_from=datetime.date(2012, 11, 22),
        valid_to=datetime.date(2021, 5, 12),
    )
