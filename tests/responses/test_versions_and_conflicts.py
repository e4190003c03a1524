"""Every save of a response is kept as a version numbered by its lock_version, and any two can be
compared word by word. Two people editing the same draft: the first save wins; the second is told
who changed which part, and nothing of theirs is stored."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from accounts.roles import Role
from core.errors import EditConflict
from inspections import services as inspections
from inspections.choices import Addressee, ItemKind
from responses import services
from responses.choices import Explanation, ResponseStatus
from responses.models import AnnexEntry, Response, ResponseVersion
from responses.versions import compare
from tests.factories import UserFactory

D = datetime.date
S = ResponseStatus


@pytest.fixture
def second_opcc_staff(db):
    return UserFactory(username="oscar", role=Role.OPCC_STAFF)


def save(response, by, *, expected_version=None, letter=None, annex=None):
    return services.response_save_draft(
        response=response,
        by=by,
        expected_version=response.lock_version if expected_version is None else expected_version,
        letter=letter or {},
        annex=annex or {},
    )


def parts_changed(old: ResponseVersion, new: ResponseVersion) -> dict[str, tuple[str, str]]:
    return {part.label: part.marked() for part in compare(old, new) if part.changed}


# --- Versions -------------------------------------------------------------------------------------


def test_each_save_records_a_version_numbered_by_the_lock_version(response_in, opcc_staff):
    response = response_in(S.DRAFTING)
    entries = response.annex.count()  # each recorded with its item, as a version
    # Opened, an annex entry per item, invited, the Chief Constable's comments, drafted.
    assert response.lock_version == 1 + entries + 3

    save(response, opcc_staff, letter={"monitoring": "JASP meets quarterly."})
    save(response, opcc_staff, letter={"monitoring": "JASP meets every quarter."})

    stored = Response.objects.get(pk=response.pk)
    assert stored.lock_version == 1 + entries + 5
    versions = list(stored.versions.order_by("number"))
    assert [v.number for v in versions] == list(range(1, stored.lock_version + 1))
    assert [v.saved_by.username if v.saved_by else None for v in versions] == [
        None,  # opened with the report
        *["olivia"] * entries,  # recorded the report's recommendations and AFI
        "olivia",  # invited the Chief Constable
        "laura",  # recorded the Chief Constable's comments
        "olivia",
        "olivia",
        "olivia",
    ]
    assert versions[-2].content["letter"]["monitoring"] == "JASP meets quarterly."
    assert versions[-1].content["letter"]["monitoring"] == "JASP meets every quarter."


def test_a_version_keeps_the_letter_and_the_annex_as_they_were_saved(response_in, opcc_staff):
    response = response_in(S.DRAFTING)
    version = response.versions.get(number=response.lock_version)

    assert version.content["letter"]["pcc_comments"] == (
        "The Chief Constable and I **welcome** the report."
    )
    assert version.content["letter"]["letter_date"] == "2020-04-20"
    first = version.content["annex"][0]
    assert (first["item"], first["explanation"], first["owner"], first["target_date"]) == (
        "1",
        "Action proposed",
        "Public Protection",
        "2020-09-30",
    )
    assert [entry["item"] for entry in version.content["annex"]] == ["1", "2", "AFI 1"]


def test_comparing_two_versions_marks_the_words_removed_and_added(response_in, opcc_staff):
    response = response_in(S.DRAFTING)
    drafted = response.lock_version
    save(
        response,
        opcc_staff,
        letter={"pcc_comments": "The Chief Constable and I **support** the report."},
    )
    old, new = response.versions.get(number=drafted), response.versions.get(number=drafted + 1)

    changed = parts_changed(old, new)

    assert list(changed) == ["The PCC's comments on the report"]
    before, after = changed["The PCC's comments on the report"]
    assert before == "The Chief Constable and I <del>welcome</del> the report."
    assert after == "The Chief Constable and I <ins>support</ins> the report."


def test_comparing_shows_a_changed_annex_entry_by_its_recommendation(response_in, opcc_staff):
    response = response_in(S.DRAFTING)
    drafted = response.lock_version
    entry = response.annex.get(item__reference="1")
    save(
        response,
        opcc_staff,
        annex={
            entry.pk: {
                "explanation": Explanation.ACTION_PROPOSED,
                "text": "The force will review its diversion scheme with partners.",
                "owner": "Head of Public Protection",
                "target_date": D(2020, 12, 31),
            }
        },
    )

    changed = parts_changed(
        response.versions.get(number=drafted), response.versions.get(number=drafted + 1)
    )

    assert list(changed) == ["Annex: Recommendation 1"]
    before, after = changed["Annex: Recommendation 1"]
    assert before.endswith("Owner: Public Protection; target date: <del>2020-09-30</del>")
    assert after.endswith(
        "Owner: <ins>Head of</ins> Public Protection; target date: <ins>2020-12-31</ins>"
    )


def test_comparing_shows_text_as_typed_not_as_html(response_in, opcc_staff):
    response = response_in(S.DRAFTING)
    drafted = response.lock_version
    save(response, opcc_staff, letter={"monitoring": "Fewer than 3 < 4 & falling."})

    changed = parts_changed(
        response.versions.get(number=drafted), response.versions.get(number=drafted + 1)
    )

    _, after = changed["How delivery is monitored"]
    assert "<ins>Fewer than 3 &lt; 4 &amp; falling.</ins>" in after


def test_comparing_a_version_with_itself_shows_no_change(response_in):
    response = response_in(S.DRAFTING)
    version = response.versions.get(number=response.lock_version)

    assert parts_changed(version, version) == {}


# --- Items recorded while the response is drafted ------------------------------------------------


def record_recommendation(report, by, *, reference="3", addressee=Addressee.HOME_OFFICE):
    return inspections.item_create(
        report=report,
        by=by,
        kind=ItemKind.RECOMMENDATION,
        reference=reference,
        addressee=addressee,
        text="A recommendation missed when the report was recorded.",
    )


def test_a_recommendation_added_while_drafting_is_a_version_by_whoever_recorded_it(
    response_in, second_opcc_staff
):
    response = response_in(S.DRAFTING)
    drafted = response.lock_version

    record_recommendation(response.report, second_opcc_staff)

    stored = Response.objects.get(pk=response.pk)
    assert stored.lock_version == drafted + 1
    added = stored.versions.get(number=drafted + 1)
    assert (added.saved_by, added.note) == (
        second_opcc_staff,
        "Annex entry added for Recommendation 3.",
    )
    changed = parts_changed(stored.versions.get(number=drafted), added)
    assert list(changed) == ["Annex: Recommendation 3"]
    before, after = changed["Annex: Recommendation 3"]
    assert before == ""
    assert "addressed to the Home Office" in after


def test_an_editor_who_loaded_the_draft_before_an_item_was_added_is_told_who_added_it(
    response_in, opcc_staff, second_opcc_staff
):
    response = response_in(S.DRAFTING)
    stale = Response.objects.get(pk=response.pk)
    record_recommendation(response.report, second_opcc_staff)

    with pytest.raises(EditConflict) as refused:
        save(stale, opcc_staff, letter={"monitoring": "Too late."})

    assert refused.value.changes == ["oscar changed Annex: Recommendation 3"]


def test_an_item_added_for_the_force_while_drafting_shows_as_a_change_though_empty(
    response_in, second_opcc_staff
):
    response = response_in(S.DRAFTING)
    drafted = response.lock_version

    record_recommendation(response.report, second_opcc_staff, addressee=Addressee.THIS_FORCE)

    stored = Response.objects.get(pk=response.pk)
    changed = parts_changed(
        stored.versions.get(number=drafted), stored.versions.get(number=drafted + 1)
    )
    assert list(changed) == ["Annex: Recommendation 3"]


def test_a_cause_of_concern_added_while_drafting_records_no_version(response_in, opcc_staff):
    response = response_in(S.DRAFTING)
    versions = response.versions.count()

    inspections.item_create(
        report=response.report,
        by=opcc_staff,
        kind=ItemKind.CAUSE_OF_CONCERN,
        reference="C1",
        addressee=Addressee.THIS_FORCE,
        text="A cause of concern: it has no annex entry of its own.",
    )

    stored = Response.objects.get(pk=response.pk)
    assert (stored.lock_version, stored.versions.count()) == (response.lock_version, versions)


@pytest.mark.parametrize("state", [S.SUBMITTED, S.APPROVED])
def test_an_item_added_once_the_response_is_submitted_sends_it_back_with_its_entry(
    response_in, second_opcc_staff, state
):
    response = response_in(state)

    item = record_recommendation(response.report, second_opcc_staff)

    stored = Response.objects.get(pk=response.pk)
    assert (stored.status, stored.approval) == (S.DRAFTING, None)
    assert stored.returned_comments == (
        f"Sent back after a change: Recommendation {item.reference} was added to the report"
    )
    assert stored.versions.first().saved_by == second_opcc_staff
    assert AnnexEntry.objects.get(item=item).included


def test_an_item_cannot_be_added_to_a_published_response_until_it_is_reopened(
    response_in, second_opcc_staff
):
    response = response_in(S.PUBLISHED)
    items = response.report.items.count()

    with pytest.raises(ValidationError, match="Reopen the response for correction first"):
        record_recommendation(response.report, second_opcc_staff)

    assert response.report.items.count() == items
    assert Response.objects.get(pk=response.pk).lock_version == response.lock_version


# --- Edit conflicts -------------------------------------------------------------------------------


def test_the_second_of_two_editors_is_refused_naming_the_first_and_the_part_changed(
    response_in, opcc_staff, second_opcc_staff
):
    response = response_in(S.DRAFTING)
    mine = Response.objects.get(pk=response.pk)
    theirs = Response.objects.get(pk=response.pk)
    loaded = theirs.lock_version
    save(mine, opcc_staff, letter={"pcc_comments": "I welcome the report."})
    versions = ResponseVersion.objects.count()
    entry = theirs.annex.get(item__reference="2")

    with pytest.raises(EditConflict) as refused:
        save(
            theirs,
            second_opcc_staff,
            expected_version=loaded,
            letter={"monitoring": "Oscar's monitoring paragraph."},
            annex={entry.pk: {"explanation": Explanation.NO_ACTION, "text": "Oscar's reason."}},
        )

    assert refused.value.changes == ["olivia changed The PCC's comments on the report"]
    assert "olivia changed The PCC's comments" in refused.value.messages[0]
    assert refused.value.current_version == loaded + 1
    stored = Response.objects.get(pk=response.pk)
    assert stored.pcc_comments == "I welcome the report."
    assert "Oscar" not in stored.monitoring
    assert stored.lock_version == loaded + 1
    assert AnnexEntry.objects.get(pk=entry.pk).explanation == Explanation.OTHER_BODY
    assert ResponseVersion.objects.count() == versions


def test_a_conflict_names_every_editor_since_and_every_part_they_changed(
    response_in, opcc_staff, second_opcc_staff, pcc
):
    response = response_in(S.DRAFTING)
    stale = Response.objects.get(pk=response.pk)
    save(Response.objects.get(pk=response.pk), opcc_staff, letter={"subject": "A new subject"})
    save(
        Response.objects.get(pk=response.pk),
        second_opcc_staff,
        letter={"letter_date": D(2020, 4, 21)},
    )

    with pytest.raises(EditConflict) as refused:
        save(stale, opcc_staff, letter={"monitoring": "Too late."})

    assert refused.value.changes == ["olivia, oscar changed Date of the letter, Subject"]


def test_a_draft_saved_after_someone_else_submitted_it_is_refused(response_in, opcc_staff):
    response = response_in(S.DRAFTING)
    stale = Response.objects.get(pk=response.pk)
    services.response_submit_for_approval(
        response=response, by=opcc_staff, expected_version=response.lock_version
    )

    with pytest.raises(EditConflict):
        save(stale, opcc_staff, letter={"pcc_comments": "Changed after submission."})

    stored = Response.objects.get(pk=response.pk)
    assert stored.status == S.SUBMITTED
    assert stored.pcc_comments == "The Chief Constable and I **welcome** the report."


def test_saving_again_against_the_version_now_stored_applies_the_second_editors_change(
    response_in, opcc_staff, second_opcc_staff
):
    response = response_in(S.DRAFTING)
    theirs = Response.objects.get(pk=response.pk)
    save(Response.objects.get(pk=response.pk), opcc_staff, letter={"subject": "Olivia's subject"})
    with pytest.raises(EditConflict) as refused:
        save(theirs, second_opcc_staff, letter={"monitoring": "Oscar's paragraph."})

    reloaded = Response.objects.get(pk=response.pk)
    save(
        reloaded,
        second_opcc_staff,
        expected_version=refused.value.current_version,
        letter={"monitoring": "Oscar's paragraph."},
    )

    stored = Response.objects.get(pk=response.pk)
    assert (stored.subject, stored.monitoring) == ("Olivia's subject", "Oscar's paragraph.")
    assert stored.versions.first().saved_by == second_opcc_staff


def test_a_stale_approval_is_refused(response_in, pcc, opcc_staff):
    response = response_in(S.SUBMITTED)
    stale = Response.objects.get(pk=response.pk)
    services.response_return(
        response=response, by=pcc, expected_version=response.lock_version, comments="Shorter."
    )
    save(Response.objects.get(pk=response.pk), opcc_staff, letter={"pcc_comments": "Shorter."})
    resubmitted = Response.objects.get(pk=response.pk)
    services.response_submit_for_approval(
        response=resubmitted, by=opcc_staff, expected_version=resubmitted.lock_version
    )

    # The PCC approves from a page loaded before the return and resubmission.
    with pytest.raises(EditConflict) as refused:
        services.response_approve(response=stale, by=pcc, expected_version=stale.lock_version)

    assert "changed The PCC's comments" in refused.value.changes[0]
    assert Response.objects.get(pk=response.pk).status == S.SUBMITTED
