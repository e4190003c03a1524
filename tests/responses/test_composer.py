"""The composer: drafting the letter and annex in the browser, every save a version, any two
versions side by side, and a stale save refused with who changed what."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from inspections import services as register
from inspections.choices import Addressee, ItemKind, ReportType, Scope
from responses.choices import Explanation, ResponseStatus
from responses.models import AnnexEntry, Office, Response, ResponseVersion, Signatory
from tests.factories import ActionFactory, UserFactory

SCRIPT = "<script>alert('stolen')</script>"


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


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def compose_url(response) -> str:
    return reverse("responses:compose", args=[response.pk])


def composer_post(response, *, lock_version=None, annex=None, **letter) -> dict:
    """What the composer posts, starting from what is stored, with `letter` and `annex`
    ({reference: {field: value}}) changed."""
    response = Response.objects.get(pk=response.pk)
    data = {
        "lock_version": response.lock_version if lock_version is None else lock_version,
        "letter_date": "2020-04-20",
        "addressee": response.addressee,
        "copy_to": response.copy_to,
        "subject": response.subject,
        "opening": response.opening,
        "pcc_comments": response.pcc_comments,
        "cc_comments": response.cc_comments,
        "cc_no_comments_reason": response.cc_no_comments_reason,
        "pcc_comments_on_cc": response.pcc_comments_on_cc,
        "monitoring": response.monitoring,
    }
    data.update(letter)
    entries = list(response.annex.select_related("item"))
    data.update({"annex-TOTAL_FORMS": len(entries), "annex-INITIAL_FORMS": len(entries)})
    for index, entry in enumerate(entries):
        values = {
            "entry": entry.pk,
            "explanation": entry.explanation,
            "text": entry.text,
            "owner": entry.owner,
            "target_date": entry.target_date.isoformat() if entry.target_date else "",
        }
        if entry.included:
            values["included"] = "on"
        values.update((annex or {}).get(entry.item.reference, {}))
        if values.get("included") is False:
            del values["included"]
        data.update({f"annex-{index}-{name}": value for name, value in values.items()})
    return data


def hidden_lock_version(page) -> int:
    match = re.search(r'name="lock_version" value="(\d+)"', page.content.decode())
    return int(match.group(1))


# --- Saving --------------------------------------------------------------------------------------


def test_saving_the_composer_records_a_version_and_keeps_scripts_out(
    client, opcc_staff, response, start, commissioner
):
    client.force_login(opcc_staff)
    data = composer_post(
        response, pcc_comments=f"I **welcome** the report.{SCRIPT}\n\n- first\n- second"
    )

    saved = client.post(compose_url(response), data)

    assert saved.status_code == 302
    stored = Response.objects.get(pk=response.pk)
    assert stored.lock_version == start + 1
    assert stored.status == ResponseStatus.NOT_STARTED
    assert "<script" not in stored.pcc_comments and "stolen" not in stored.pcc_comments
    assert stored.pcc_comments.startswith("I **welcome** the report.")
    version = ResponseVersion.objects.get(response=stored, number=start + 1)
    assert version.saved_by == opcc_staff
    assert "stolen" not in str(version.content)

    letter = client.get(reverse("responses:letter", args=[response.pk])).content.decode()
    assert "I <strong>welcome</strong> the report." in letter
    assert "<li>first</li>" in letter
    assert "stolen" not in letter
    assert "stolen" not in client.get(compose_url(response)).content.decode()


def test_a_script_in_an_annex_entry_is_removed_too(client, opcc_staff, response):
    client.force_login(opcc_staff)
    data = composer_post(response, annex={"1": {"text": f"Reviewed.{SCRIPT}"}})

    assert client.post(compose_url(response), data).status_code == 302

    entry = AnnexEntry.objects.get(response=response, item__reference="1")
    assert entry.text == "Reviewed."


def test_the_letter_date_defaults_to_today_until_one_is_saved(client, opcc_staff, response):
    client.force_login(opcc_staff)
    with time_machine.travel(datetime.datetime(2020, 4, 20, 10, tzinfo=datetime.UTC)):
        page = client.get(compose_url(response))

    assert 'name="letter_date" value="2020-04-20"' in page.content.decode()
    assert Response.objects.get(pk=response.pk).letter_date is None


def test_an_invalid_form_saves_nothing(client, opcc_staff, response, start):
    client.force_login(opcc_staff)
    versions = ResponseVersion.objects.filter(response=response).count()
    data = composer_post(
        response, letter_date="20 April", pcc_comments="Lost?", annex={"1": {"target_date": "x"}}
    )

    page = client.post(compose_url(response), data)

    assert page.status_code == 200
    assert "Nothing was saved" in page.content.decode()
    assert Response.objects.get(pk=response.pk).lock_version == start
    assert ResponseVersion.objects.filter(response=response).count() == versions
    assert "Lost?" in page.content.decode()


def test_a_post_without_the_annex_or_naming_another_response_entry_saves_nothing(
    client, opcc_staff, response, start
):
    other = register.report_create(
        by=opcc_staff,
        title="Another report",
        report_type=ReportType.PEEL,
        scope=Scope.THIS_FORCE,
        published_on=datetime.date(2021, 1, 5),
    )
    foreign = register.item_create(
        report=other,
        by=opcc_staff,
        kind=ItemKind.RECOMMENDATION,
        reference="9",
        addressee=Addressee.THIS_FORCE,
        text="Not this response's item.",
    )
    foreign_entry = AnnexEntry.objects.get(item=foreign)
    client.force_login(opcc_staff)
    no_annex = {k: v for k, v in composer_post(response).items() if not k.startswith("annex-")}
    tampered = composer_post(response, pcc_comments="Sneaky.")
    tampered["annex-0-entry"] = foreign_entry.pk

    for data in (no_annex, tampered):
        page = client.post(compose_url(response), data)
        assert page.status_code == 200
        assert "Nothing was saved" in page.content.decode()

    assert "The annex has changed; reload the page." in page.content.decode()
    assert Response.objects.get(pk=response.pk).lock_version == start
    assert AnnexEntry.objects.get(pk=foreign_entry.pk).text == foreign_entry.text


def test_the_gate_lists_what_is_still_missing_as_guidance(client, opcc_staff, response):
    client.force_login(opcc_staff)

    page = client.get(compose_url(response)).content.decode()

    assert "Still needed before it can be submitted for approval" in page
    assert "The PCC&#x27;s comments on the report." in page
    assert "An explanation for recommendation 1: it says nothing yet." in page


# --- The annex -----------------------------------------------------------------------------------


def test_the_annex_lists_entries_in_printed_order_with_the_other_body_line(
    client, opcc_staff, response
):
    client.force_login(opcc_staff)

    page = client.get(compose_url(response)).content.decode()

    legends = re.findall(r"<legend[^>]*>\s*(.*?)\s*</legend>", page, re.S)
    entries = [legend for legend in legends if legend.startswith(("Recommendation", "Area"))]
    assert entries == ["Recommendation 1", "Recommendation 2", "Area for improvement AFI 1"]
    assert "Cause of concern 1" not in entries
    assert (
        "This recommendation is addressed to the Home Office. The force will act on any resulting "
        "guidance."
    ) in page
    assert "Item 2 as printed in the report." in page


def test_an_empty_entry_offers_what_the_force_actions_recorded_since_suggest(
    client, opcc_staff, response
):
    item = response.report.items.get(kind=ItemKind.RECOMMENDATION, reference="1")
    ActionFactory(item=item, description="Set up a diversion panel.", owner_name="Youth Justice")
    client.force_login(opcc_staff)

    page = client.get(compose_url(response)).content.decode()

    assert "Suggested from the force's actions" in page
    assert "Set up a diversion panel." in page
    assert 'value="Youth Justice"' in page
    assert AnnexEntry.objects.get(response=response, item=item).text == ""


def test_the_composer_asks_the_same_number_of_queries_however_long_the_annex(
    client, opcc_staff, response
):
    client.force_login(opcc_staff)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(compose_url(response)).status_code == 200
        return len(captured)

    before = queries()
    for number in range(3, 9):
        item = register.item_create(
            report=response.report,
            by=opcc_staff,
            kind=ItemKind.RECOMMENDATION,
            reference=str(number),
            addressee=Addressee.THIS_FORCE,
            text="More.",
        )
        ActionFactory(item=item)
    assert queries() == before


def test_annex_entries_are_edited_and_recommendations_stay_included(client, opcc_staff, response):
    client.force_login(opcc_staff)
    data = composer_post(
        response,
        annex={
            "1": {
                "included": False,
                "explanation": Explanation.ACTION_PROPOSED,
                "text": "The force will review its diversion scheme.",
                "owner": "Public Protection",
                "target_date": "2020-09-30",
            },
            "2": {"text": "Addressed to the Home Office; we will follow its guidance."},
            "AFI 1": {"included": False},
        },
    )

    assert client.post(compose_url(response), data).status_code == 302

    entries = {e.item.reference: e for e in response.annex.select_related("item")}
    assert entries["1"].included is True
    assert entries["1"].owner == "Public Protection"
    assert entries["1"].target_date == datetime.date(2020, 9, 30)
    assert entries["2"].text == "Addressed to the Home Office; we will follow its guidance."
    assert entries["AFI 1"].included is False


def test_the_letter_shows_the_annex_in_printed_order_and_the_signatory_on_its_date(
    client, opcc_staff, pcc, response, commissioner
):
    Office.objects.create(
        name="Nottinghamshire Office of the PCC",
        address="Arnot Hill House\nArnold\nNottingham NG5 6LU",
        force_name="Nottinghamshire Police",
    )
    client_for(opcc_staff).post(compose_url(response), composer_post(response))

    page = client_for(pcc).get(reverse("responses:letter", args=[response.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Nottinghamshire Office of the PCC" in html
    assert "2 Marsham Street" in html
    assert "20 April 2020" in html
    assert "Paddy Tipping" in html and "Police and Crime Commissioner" in html
    assert "No signatory in office" not in html
    assert "Draft" in html
    annex = html[html.index("Annex: response to the recommendations") :]
    positions = [
        annex.index(f"<h3>{name}</h3>") for name in ("Recommendation 1", "Recommendation 2")
    ]
    assert positions == sorted(positions)
    assert "Addressed to another body" in annex


def test_the_letter_warns_when_nobody_held_office_on_its_date(client, pcc, opcc_staff, response):
    Signatory.objects.create(name="Paddy Tipping", valid_from=datetime.date(2012, 11, 22),
                             valid_to=datetime.date(2019, 12, 31))  # fmt: skip
    client_for(opcc_staff).post(compose_url(response), composer_post(response))

    html = client_for(pcc).get(reverse("responses:letter", args=[response.pk])).content.decode()

    assert "No signatory in office on this date." in html
    assert "Paddy Tipping" not in html


# --- Two editors ---------------------------------------------------------------------------------


def test_a_stale_save_is_refused_naming_the_first_editor_and_a_resubmit_applies_it(
    opcc_staff, second_opcc_staff, response, start
):
    olivia, oscar = client_for(opcc_staff), client_for(second_opcc_staff)
    olivia.post(compose_url(response), composer_post(response))  # both start from this version
    loaded = start + 1
    olivia.get(compose_url(response))
    oscar.get(compose_url(response))
    olivia.post(compose_url(response), composer_post(response, pcc_comments="Olivia's words."))
    versions = ResponseVersion.objects.filter(response=response).count()

    stale = composer_post(response, lock_version=loaded, pcc_comments="Oscar's words.")
    refused = oscar.post(compose_url(response), stale)

    html = refused.content.decode()
    assert refused.status_code == 200
    assert "Nothing was saved" in html
    assert "(olivia changed The PCC&#x27;s comments)" in html
    assert "Oscar&#x27;s words." in html  # his input is still in the form
    assert hidden_lock_version(refused) == loaded + 1
    assert f"?old={loaded}&amp;new={loaded + 1}" in html
    stored = Response.objects.get(pk=response.pk)
    assert (stored.pcc_comments, stored.lock_version) == ("Olivia's words.", loaded + 1)
    assert ResponseVersion.objects.filter(response=response).count() == versions

    stale["lock_version"] = hidden_lock_version(refused)
    resubmitted = oscar.post(compose_url(response), stale)

    assert resubmitted.status_code == 302
    stored = Response.objects.get(pk=response.pk)
    assert (stored.pcc_comments, stored.lock_version) == ("Oscar's words.", loaded + 2)
    saved = ResponseVersion.objects.get(response=response, number=loaded + 2)
    assert saved.saved_by == second_opcc_staff


def test_a_response_no_longer_editable_is_refused(client, opcc_staff, response):
    Response.objects.filter(pk=response.pk).update(status=ResponseStatus.SUBMITTED)
    client.force_login(opcc_staff)

    refused = client.post(compose_url(response), composer_post(response, pcc_comments="Late."))

    assert refused.status_code == 200
    assert "it can no longer be edited" in refused.content.decode()
    assert Response.objects.get(pk=response.pk).pcc_comments == ""
    assert client.get(compose_url(response)).url == reverse("responses:letter", args=[response.pk])


# --- Versions ------------------------------------------------------------------------------------


def test_every_version_is_listed_newest_first(client, opcc_staff, pcc, response, start):
    client_for(opcc_staff).post(compose_url(response), composer_post(response))

    page = client_for(pcc).get(reverse("responses:versions", args=[response.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert html.index(f'id="new-{start + 1}"') < html.index(f'id="new-{start}"')
    assert html.index(f'id="new-{start}"') < html.index('id="new-1"')
    assert "Opened when the report was recorded." in html


def test_compare_shows_the_changed_words(client, opcc_staff, pcc, response, start):
    editor = client_for(opcc_staff)
    editor.post(compose_url(response), composer_post(response, pcc_comments="We welcome it."))
    editor.post(
        compose_url(response), composer_post(response, pcc_comments="We warmly welcome it.")
    )

    page = client_for(pcc).get(
        reverse("responses:compare", args=[response.pk]), {"old": start + 1, "new": start + 2}
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert "<ins>warmly</ins>" in html
    assert f"1 part changed between version {start + 1} and version {start + 2}" in html
    row = re.search(r"<th scope=\"row\">The PCC&#x27;s comments</th>\s*<td>(.*?)</td>", html, re.S)
    assert "Changed" in row.group(1)


def test_compare_with_no_choice_shows_the_latest_against_the_one_before(
    client, opcc_staff, response, start
):
    client.force_login(opcc_staff)
    client.post(compose_url(response), composer_post(response, subject="A new subject"))

    page = client.get(reverse("responses:compare", args=[response.pk]))

    assert page.status_code == 200
    assert f"between version {start} and version {start + 1}" in page.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"old": "abc", "new": "1"},
        {"old": "1"},
        {"old": "1", "new": ""},
        {"old": "1", "new": "99"},
        {"old": "-1", "new": "1"},
        {"old": "1e9", "new": "1"},
        {"old": "99999999999999999999999", "new": "1"},
        {"old": "1", "new": "\u0661"},  # an Arabic-Indic digit one,
    ],
)
def test_bad_compare_parameters_get_a_clear_message_not_an_error(
    client, opcc_staff, response, query
):
    client.force_login(opcc_staff)

    page = client.get(reverse("responses:compare", args=[response.pk]), query)

    assert page.status_code == 400
    assert "alert-danger" in page.content.decode()


# --- Who may -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["jasp", "force_officer", "dcc", "outsider"])
def test_only_the_office_drafts_and_only_it_and_the_pcc_read_drafts(persona, personas, response):
    client = client_for(personas[persona])
    before = Response.objects.get(pk=response.pk).lock_version

    assert client.get(compose_url(response)).status_code == 403
    assert client.post(compose_url(response), composer_post(response)).status_code == 403
    for name in ("letter", "versions", "compare"):
        assert client.get(reverse(f"responses:{name}", args=[response.pk])).status_code == 403
    assert Response.objects.get(pk=response.pk).lock_version == before


def test_the_pcc_reads_drafts_but_does_not_compose(pcc, response):
    client = client_for(pcc)

    assert client.get(compose_url(response)).status_code == 403
    for name in ("letter", "versions", "compare"):
        assert client.get(reverse(f"responses:{name}", args=[response.pk])).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client, response):
    assert client.get(compose_url(response)).url.startswith(reverse("account_login"))
