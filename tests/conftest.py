"""Named personas (one per role, plus an outsider with no role) and the objects most tests need."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache

from accounts.roles import Role
from inspections.choices import Addressee, ItemKind, ReportType, Scope
from inspections.models import (
    Action,
    Evidence,
    Item,
    ProgressUpdate,
    Report,
    SignOffEvent,
    TargetDateChange,
)
from inspections.services import item_create, report_create
from responses import services
from responses.choices import Explanation, ResponseStatus
from responses.models import RenderJob, Response, Signatory
from responses.publication import response_send
from responses.rendering import run_render_job

from .factories import ActionFactory, ItemFactory, ReportFactory, UserFactory

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (Redis, from scripts/services.sh): what one test
    cached was computed from rows its rollback removed."""
    cache.clear()


@pytest.fixture
def role_groups(transactional_db):
    """The role groups come from a data migration, which a transactional test's flush removes."""
    for role in Role:
        Group.objects.get_or_create(name=role.value)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads and rendered PDFs in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def opcc_staff(db):
    return UserFactory(username="olivia", role=Role.OPCC_STAFF)


@pytest.fixture
def pcc(db):
    return UserFactory(username="paddy", role=Role.PCC)


@pytest.fixture
def force_officer(db):
    return UserFactory(username="laura", role=Role.FORCE_STAFF)


@pytest.fixture
def dcc(db):
    return UserFactory(username="rachel", role=Role.DCC)


@pytest.fixture
def jasp(db):
    return UserFactory(username="james", role=Role.JASP)


@pytest.fixture
def administrator(db):
    """Manages people (the people page); reads no register."""
    return UserFactory(username="alex", first_name="Alex", role=Role.ADMINISTRATOR)


@pytest.fixture
def outsider(db):
    """Signed in but holding no role: sees nothing."""
    return UserFactory(username="nobody")


@pytest.fixture
def superuser(db):
    """The support login: the only way into the Django admin. Holds no role in the app itself."""
    return UserFactory(username="sam", is_staff=True, is_superuser=True)


@pytest.fixture
def personas(opcc_staff, pcc, force_officer, dcc, jasp, administrator, outsider):
    return {
        "opcc_staff": opcc_staff,
        "pcc": pcc,
        "force_officer": force_officer,
        "dcc": dcc,
        "jasp": jasp,
        "administrator": administrator,
        "outsider": outsider,
    }


@pytest.fixture
def report(db):
    return ReportFactory()


@pytest.fixture
def item(report):
    return ItemFactory(report=report, reference="3.3")


@pytest.fixture
def action(item, force_officer):
    return ActionFactory(item=item, owner_user=force_officer)


@pytest.fixture
def row_counts(db):
    """A callable counting the rows of every register table, history included, so a test can show
    that a refused change saved nothing at all."""

    def counts() -> dict[str, int]:
        tables = (Report, Item, Action, ProgressUpdate, Evidence, SignOffEvent, TargetDateChange)
        result = {model.__name__: model.objects.count() for model in tables}
        for model in (Report, Item, Action):
            result[f"historical {model.__name__}"] = model.history.count()
        return result

    return counts


# --- Section 55 responses ------------------------------------------------------------------------

#: The National Child Protection Inspections 2019 thematic report (seeds 000, 002 and 004).
NCPI_2019 = {
    "title": "National Child Protection Inspections 2019 thematic report",
    "report_type": ReportType.NATIONAL,
    "scope": Scope.ALL_FORCES,
    "published_on": datetime.date(2020, 2, 27),
    "hmicfrs_url": "https://www.justiceinspectorates.gov.uk/hmicfrs/",
}

#: The letter parts the OPCC drafts for a complete response (the Chief Constable's come separately).
COMPLETE_LETTER = {
    "letter_date": datetime.date(2020, 4, 20),
    "pcc_comments": "The Chief Constable and I **welcome** the report.",
    "pcc_comments_on_cc": "I am reassured by the Chief Constable's plans for early help.",
}


def complete_annex(response) -> dict[int, dict]:
    """What the composer posts for a complete annex: every entry explained, an owner and target
    date wherever action is proposed."""
    values = {
        "1": {
            "explanation": Explanation.ACTION_PROPOSED,
            "text": "The force will review its diversion scheme with partners.",
            "owner": "Public Protection",
            "target_date": datetime.date(2020, 9, 30),
        },
        "2": {
            "explanation": Explanation.OTHER_BODY,
            "text": "Addressed to the Home Office; the force will act on any resulting guidance.",
        },
        "AFI 1": {"explanation": Explanation.ACTION_TAKEN, "text": "Done in 2019."},
    }
    return {
        entry.pk: {"included": True, "owner": "", "target_date": None}
        | values[entry.item.reference]
        for entry in response.annex.select_related("item")
    }


@pytest.fixture
def signatory(db):
    """Nottinghamshire's PCC when the NCPI 2019 response was signed."""
    return Signatory.objects.create(
        name="Paddy Tipping",
        valid_from=datetime.date(2012, 11, 22),
        valid_to=datetime.date(2021, 5, 12),
    )


@pytest.fixture
def ncpi_report(opcc_staff):
    """The NCPI 2019 report recorded through the services (so its response is open) with two
    recommendations, one for chief constables and one for the Home Office, and an AFI."""
    report = report_create(by=opcc_staff, **NCPI_2019)
    for kind, reference, addressee in (
        (ItemKind.RECOMMENDATION, "1", Addressee.ALL_CHIEF_CONSTABLES),
        (ItemKind.RECOMMENDATION, "2", Addressee.HOME_OFFICE),
        (ItemKind.AREA_FOR_IMPROVEMENT, "AFI 1", Addressee.THIS_FORCE),
    ):
        item_create(
            report=report,
            by=opcc_staff,
            kind=kind,
            reference=reference,
            addressee=addressee,
            text=f"Item {reference} of the NCPI 2019 report.",
        )
    return report


@pytest.fixture
def response_in(ncpi_report, signatory, opcc_staff, pcc, force_officer):
    """A callable: response_in(status) walks the NCPI 2019 response through the services to that
    status (complete from drafting on) and returns it fresh from the database."""

    def invite(response):
        services.response_invite_chief_constable(
            response=response,
            by=opcc_staff,
            expected_version=response.lock_version,
            invited_on=datetime.date(2020, 2, 28),
            cc_due_on=datetime.date(2020, 3, 26),
        )

    def record_cc(response):
        services.response_record_cc_comments(
            response=response,
            by=force_officer,
            expected_version=response.lock_version,
            received_on=datetime.date(2020, 3, 20),
            comments="The force has already *incorporated* these recommendations.",
        )

    def draft(response):
        services.response_save_draft(
            response=response,
            by=opcc_staff,
            expected_version=response.lock_version,
            letter=COMPLETE_LETTER,
            annex=complete_annex(response),
        )

    def submit(response):
        services.response_submit_for_approval(
            response=response, by=opcc_staff, expected_version=response.lock_version
        )

    # Approved and published on their days, as they were (a date before the day it is recorded
    # would need a reason, and an approval after the publication date is refused).
    def approve(response):
        with time_machine.travel(datetime.datetime(2020, 4, 20, 10, tzinfo=LONDON), tick=False):
            services.response_approve(
                response=response, by=pcc, expected_version=response.lock_version
            )

    def publish(response):
        with time_machine.travel(datetime.datetime(2020, 4, 21, 10, tzinfo=LONDON), tick=False):
            services.response_publish(
                response=response,
                by=opcc_staff,
                expected_version=response.lock_version,
                on=datetime.date(2020, 4, 21),
            )

    def send(response):
        for job in RenderJob.objects.filter(response=response, state=RenderJob.State.QUEUED):
            run_render_job(job.pk)  # what the worker would do
        response_send(response=response, by=opcc_staff)

    steps = (
        (ResponseStatus.CC_INVITED, invite),
        (ResponseStatus.CC_RECEIVED, record_cc),
        (ResponseStatus.DRAFTING, draft),
        (ResponseStatus.SUBMITTED, submit),
        (ResponseStatus.APPROVED, approve),
        (ResponseStatus.PUBLISHED, publish),
        (ResponseStatus.SENT, send),
    )

    def advance(status: ResponseStatus) -> Response:
        response = Response.objects.get(report=ncpi_report)
        for reached, step in steps:
            if response.status == status:
                break
            step(response)
            response = Response.objects.get(report=ncpi_report)
            assert response.status == reached
        assert response.status == status
        return response

    return advance
