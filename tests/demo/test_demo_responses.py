"""`manage.py load_demo`: the office, its signatories and the demo's section 55 responses, loaded
through responses.services from the shared seeds (000, 002, 003), idempotently."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from demo.register_data import HEAD_OF_CRIME, HEAD_OF_PVP
from demo.response_data import MISSING_BULLETS, NCPI_PCC_COMMENTS
from responses.choices import Explanation, ResponseStatus
from responses.gate import response_missing_parts, signatory_on
from responses.models import AnnexEntry, Office, Response, ResponseVersion, Signatory
from responses.richtext import render
from tests.responses.pdf_text import pdf_text

NCPI_2019 = "National Child Protection Inspections 2019: thematic report"
MISSING_CHILDREN = "Missing children: who cares? The police response to missing and absent children"
POST_INSPECTION_REVIEW = (
    "National Child Protection Inspection: post-inspection review (Nottinghamshire)"
)
PCC_ON_CC_MISSING = "The PCC's comments on the Chief Constable's comments."


@pytest.fixture(autouse=True)
def demo_files_in_a_folder_of_their_own(media_root):
    """The demo's published PDF is rendered into the test's own media folder."""


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def response_to(title: str) -> Response:
    return Response.objects.select_related("report", "owner").get(report__title=title)


def annex_entries_recorded(response: Response) -> list[tuple[str, str]]:
    """The version each recommendation or AFI added when the demo recorded it (as OPCC staff),
    in the order the items were recorded."""
    items = response.report.items.filter(pk__in=response.annex.values("item")).order_by("pk")
    return [(f"Annex entry added for {item}.", "opcc") for item in items]


def counts() -> dict[str, int]:
    models = (Office, Signatory, Response, AnnexEntry, ResponseVersion)
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_ncpi_2019_is_published_on_time_and_sent():
    load_demo()

    response = response_to(NCPI_2019)
    assert response.status == ResponseStatus.SENT
    assert response.due_on == datetime.date(2020, 4, 22)
    assert response.published_on == datetime.date(2020, 4, 16)  # six days early
    assert response.owner.username == "opcc"
    assert response.approved_by.username == "pcc"
    assert response_missing_parts(response=response) == []
    version = response.published_versions.get()
    with version.pdf.open("rb") as pdf:
        text = pdf_text(pdf.read())
    assert "Paddy Tipping" in text and "3.6" in text
    (email,) = mail.outbox
    assert version.dispatches.get().message_id == email.extra_headers["Message-ID"]


@pytest.mark.django_db
def test_ncpi_2019_records_the_invitation_and_the_chief_constables_comments():
    load_demo()

    response = response_to(NCPI_2019)
    assert response.cc_invited_on == datetime.date(2020, 2, 28)
    assert response.cc_due_on == datetime.date(2020, 3, 26)
    assert response.cc_received_on == datetime.date(2020, 3, 20)
    assert "The Constabulary will await further information." in response.cc_comments
    assert response.letter_date == datetime.date(2020, 4, 16)


@pytest.mark.django_db
def test_ncpi_2019_letter_carries_seed_000_with_its_bullets_as_lists():
    load_demo()

    response = response_to(NCPI_2019)
    assert response.pcc_comments == NCPI_PCC_COMMENTS
    assert response.pcc_comments.endswith(
        "The report makes six recommendations three of which relate to Chief Constables."
    )
    html = str(render(response.pcc_comments))
    assert html.count("<ul>") == 2
    assert html.count("<li>") == 8  # four findings, four strategic objectives
    assert "<li>Establish a dedicated county lines police team" in html
    assert "Joint Audit and Scrutiny Panel (JASP)" in response.pcc_comments_on_cc
    assert response.monitoring.startswith(
        "The Force will continue to use its dedicated 4ACTION database"
    )


@pytest.mark.django_db
def test_ncpi_2019_annex_has_six_entries_in_order_with_the_forces_explanations():
    load_demo()

    entries = list(response_to(NCPI_2019).annex.select_related("item"))
    assert [(e.item.reference, e.explanation) for e in entries] == [
        ("3.1", Explanation.OTHER_BODY),
        ("3.2", Explanation.OTHER_BODY),
        ("3.3", Explanation.ACTION_PROPOSED),
        ("3.4", Explanation.OTHER_BODY),
        ("3.5", Explanation.ACTION_PROPOSED),
        ("3.6", Explanation.ACTION_PROPOSED),
    ]
    by_reference = {entry.item.reference: entry for entry in entries}
    assert by_reference["3.1"].text == (
        "This recommendation is addressed to the Home Office. "
        "The Constabulary will await further information."
    )
    assert "addressed to the Ministry of Justice and Department for Education" in (
        by_reference["3.2"].text
    )
    assert "addressed to the Home Office and Department for Education" in by_reference["3.4"].text
    assert (by_reference["3.3"].owner, by_reference["3.3"].target_date) == (
        HEAD_OF_CRIME,
        datetime.date(2020, 12, 31),
    )
    assert by_reference["3.3"].text.startswith("The Constabulary is committed to safeguarding")
    assert {by_reference[ref].owner for ref in ("3.5", "3.6")} == {HEAD_OF_PVP}
    assert "self-assessment" in by_reference["3.6"].text
    assert all(entry.included for entry in entries)


@pytest.mark.django_db
def test_each_step_is_a_version_saved_by_the_user_whose_role_does_it():
    load_demo()

    response = response_to(NCPI_2019)
    versions = response.versions.order_by("number")
    assert [(v.note, v.saved_by and v.saved_by.username) for v in versions] == [
        ("Opened when the report was recorded.", None),
        *annex_entries_recorded(response),
        ("Owner assigned.", "opcc"),
        ("Chief Constable invited.", "opcc"),
        ("Chief Constable's comments.", "force"),
        ("", "opcc"),
        ("Submitted for approval.", "opcc"),
        ("Approved by the PCC.", "pcc"),
        ("Published.", "opcc"),
    ]


@pytest.mark.django_db
def test_missing_children_is_a_draft_still_lacking_the_pccs_comments_on_the_ccs():
    load_demo()

    response = response_to(MISSING_CHILDREN)
    assert response.status == ResponseStatus.DRAFTING
    assert response.due_on is None  # 2016: before the 56-day limit
    assert response.cc_received_on == datetime.date(2016, 4, 15)
    assert response.pcc_comments.startswith("On 23rd March 2016, HMIC published its report")
    assert "**Annex 1**" in response.monitoring
    assert response.pcc_comments_on_cc == ""
    missing = response_missing_parts(response=response)
    assert PCC_ON_CC_MISSING in missing
    assert "The PCC's comments on the report." not in missing
    assert not any("recommendation 1" in part for part in missing)


@pytest.mark.django_db
def test_missing_children_annex_is_action_taken_with_the_seeds_bullets():
    load_demo()

    (entry,) = response_to(MISSING_CHILDREN).annex.select_related("item")
    assert entry.item.reference == "1"
    assert entry.explanation == Explanation.ACTION_TAKEN
    assert entry.text.startswith("The Force has reviewed the approach to missing from home")
    html = str(render(entry.text))
    assert html.count("<li>") == len(MISSING_BULLETS) == 10
    assert "<li>A Chief Inspector responsible for managing the locate" in html


@pytest.mark.django_db
def test_the_post_inspection_review_response_is_not_started():
    load_demo()

    response = response_to(POST_INSPECTION_REVIEW)
    assert response.status == ResponseStatus.NOT_STARTED
    assert response.owner is None
    # Nothing since it was opened but the annex entries of the items recorded with the report.
    versions = response.versions.order_by("number")
    assert [(v.note, v.saved_by and v.saved_by.username) for v in versions] == [
        ("Opened when the report was recorded.", None),
        *annex_entries_recorded(response),
    ]


@pytest.mark.django_db
def test_the_office_and_its_signatories():
    load_demo()

    office = Office.objects.get()
    assert office.name == "Office of the Police and Crime Commissioner for Nottinghamshire"
    assert "Arnot Hill House" in office.address
    assert "NG5 6LU" in office.address
    assert office.force_name == "Nottinghamshire Police"
    assert signatory_on(datetime.date(2020, 4, 16)).name == "Paddy Tipping"
    assert signatory_on(datetime.date(2021, 5, 12)).name == "Paddy Tipping"
    assert signatory_on(datetime.date(2021, 5, 13)).name == "Caroline Henry"
    assert Signatory.objects.get(name="Caroline Henry").valid_to is None


@pytest.mark.django_db
def test_running_the_command_twice_changes_no_counts_or_responses():
    load_demo()
    first = counts()
    states = list(Response.objects.values_list("pk", "status", "lock_version"))

    output = load_demo()

    assert counts() == first
    assert list(Response.objects.values_list("pk", "status", "lock_version")) == states
    assert output.count("Response under way, left as it is") == 2


@pytest.mark.django_db
def test_an_office_already_set_up_is_kept():
    Office.objects.create(name="Our office", address="Somewhere", force_name="Our Police")

    load_demo()

    assert list(Office.objects.values_list("name", flat=True)) == ["Our office"]


@pytest.mark.django_db
def test_the_command_prints_each_responses_status_and_deadline():
    output = load_demo()

    assert f"{NCPI_2019}: Sent; due 22 April 2020" in output
    assert f"{MISSING_CHILDREN}: Drafting; no statutory deadline" in output
    assert f"{POST_INSPECTION_REVIEW}: Not started; no statutory deadline" in output
