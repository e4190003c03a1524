"""Saving the composer: every save a version with scripts kept out, a bad form saving nothing,
the gate's guidance, and two editors, where a stale save is refused naming who changed what."""

import datetime

import time_machine
from django.urls import reverse

from inspections import services as register
from inspections.choices import Addressee, ItemKind, ReportType, Scope
from responses.choices import ResponseStatus
from responses.models import AnnexEntry, Response, ResponseVersion
from tests.responses.composer.helpers import (
    SCRIPT,
    client_for,
    compose_url,
    composer_post,
    hidden_lock_version,
)

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
    assert "(olivia changed The PCC&#x27;s comments on the report)" in html
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
