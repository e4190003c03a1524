"""Issue 11: the statutory record can be trusted. Each case the hostile testers reproduced, as
a test: what the PCC approved is what is published, every recommendation is answered, and
every date is honest."""

import contextlib
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction

from inspections import services as inspections
from inspections.choices import Addressee, ItemKind
from inspections.models import Item
from responses import services
from responses.choices import Explanation
from responses.choices import ResponseStatus as S
from responses.gate import response_missing_parts
from responses.letter import render_letter
from responses.models import AnnexEntry, Approval, Response, Signatory
from responses.publication import sha256
from tests.clock import on_the_day
from tests.conftest import COMPLETE_LETTER, complete_annex

D = datetime.date
APPROVED_ON = D(2020, 4, 20)  # response_in approves on this day
PCC_COMMENTS = "The PCC's comments on the report."


def fresh(response) -> Response:
    return Response.objects.select_related("report").get(pk=response.pk)


def annex_as_stored(response) -> dict[int, dict]:
    """What the composer would post back unchanged for each entry."""
    return {
        entry.pk: {
            "included": entry.included,
            "explanation": entry.explanation,
            "text": entry.text,
            "owner": entry.owner,
            "target_date": entry.target_date,
        }
        for entry in response.annex.all()
    }


def save_draft(response, by, *, letter=None, annex=None) -> Response:
    """The composer saved with the complete letter and annex (for the NCPI items), changed by
    `letter` and `annex` (entry pk -> values); other entries as they are."""
    response = fresh(response)
    entries = annex_as_stored(response)
    with contextlib.suppress(KeyError):  # an item the fixture does not know
        entries |= complete_annex(response)
    for pk, values in (annex or {}).items():
        entries[pk] = entries[pk] | values
    services.response_save_draft(
        response=response,
        by=by,
        expected_version=response.lock_version,
        letter={**COMPLETE_LETTER, **(letter or {})},
        annex=entries,
    )
    return fresh(response)


def submit_and_approve(response, opcc_staff, pcc) -> Response:
    with on_the_day(APPROVED_ON):
        services.response_submit_for_approval(
            response=fresh(response), by=opcc_staff, expected_version=fresh(response).lock_version
        )
        services.response_approve(
            response=fresh(response), by=pcc, expected_version=fresh(response).lock_version
        )
    return fresh(response)


def publish(response, by, on, **extra):
    response = fresh(response)
    return services.response_publish(
        response=response, by=by, expected_version=response.lock_version, on=on, **extra
    )


def edit_item(item, by, **fields) -> Item:
    item = Item.objects.get(pk=item.pk)
    return inspections.item_update(item=item, by=by, expected_version=item.lock_version, **fields)


# --- Case 1: a recommendation left out of the annex ---------------------------------------------


def test_an_afi_left_out_then_made_a_recommendation_cannot_be_published_unanswered(
    response_in, opcc_staff, pcc
):
    response = response_in(S.DRAFTING)
    afi = response.annex.get(item__reference="AFI 1")
    response = save_draft(
        response, opcc_staff, annex={afi.pk: {"included": False, "explanation": "", "text": ""}}
    )
    assert not AnnexEntry.objects.get(pk=afi.pk).included
    response = submit_and_approve(response, opcc_staff, pcc)

    edit_item(afi.item, opcc_staff, kind=ItemKind.RECOMMENDATION)

    response = fresh(response)
    assert response.status == S.DRAFTING  # sent back: the approved letter lacks it
    assert AnnexEntry.objects.get(pk=afi.pk).included
    assert response_missing_parts(response=response) == [
        "An explanation for recommendation AFI 1: it says nothing yet."
    ]
    with pytest.raises(ValidationError), on_the_day(D(2020, 4, 21)):
        publish(response, opcc_staff, D(2020, 4, 21))


def test_the_gate_refuses_a_recommendation_whose_entry_is_left_out(response_in, opcc_staff):
    response = response_in(S.DRAFTING)
    entry = response.annex.get(item__reference="1")
    AnnexEntry.objects.filter(pk=entry.pk).update(included=False)  # as an old row could be

    assert response_missing_parts(response=fresh(response)) == [
        "An explanation for recommendation 1: it is left out of the annex."
    ]


# --- Case 2: approval binds the content ---------------------------------------------------------


def test_editing_a_quoted_item_after_approval_sends_the_response_back_and_shows_the_change(
    response_in, opcc_staff, pcc, client
):
    response = response_in(S.APPROVED)
    item = response.report.items.get(reference="1")

    edit_item(item, opcc_staff, text="Words changed after the PCC approved the response.")

    response = fresh(response)
    assert (response.status, response.approval, response.approved_by) == (S.DRAFTING, None, None)
    assert "Recommendation 1: its text changed" in response.returned_comments
    client.force_login(pcc)
    page = client.get(response.get_absolute_url()).content.decode()
    assert "Sent back for approval after a change" in page
    assert "Changed since the PCC last approved it" in page
    assert "<del>Item 1 of</del> the <del>NCPI 2019 report.</del>" in page  # as approved
    assert "<ins>Words changed after</ins> the <ins>PCC approved the response.</ins>" in page


def test_changing_the_report_title_after_approval_sends_the_response_back(response_in, opcc_staff):
    response = response_in(S.APPROVED)
    report = response.report

    inspections.report_update(
        report=report, by=opcc_staff, expected_version=report.lock_version, title="A new title"
    )

    assert fresh(response).status == S.DRAFTING
    assert "title changed" in fresh(response).returned_comments


def test_what_is_published_is_the_approved_letter_byte_for_byte(response_in, opcc_staff):
    response = response_in(S.APPROVED)
    approval = response.approval
    # A change the register does not see (the signatory's name edited in the admin) must not
    # reach the published letter: what was approved is what is published.
    Signatory.objects.update(name="Someone Else")

    with on_the_day(D(2020, 4, 21)):
        version = publish(response, opcc_staff, D(2020, 4, 21))

    assert approval.letter_sha256 == sha256(approval.letter_html.encode())
    assert approval.letter_html in version.html
    assert approval.letter_html in version.render_jobs.get().source_html
    assert "Paddy Tipping" in version.html and "Someone Else" not in version.html
    assert version.approval == approval


def test_the_database_refuses_to_alter_an_approval(response_in):
    approval = response_in(S.APPROVED).approval

    with pytest.raises(DatabaseError), transaction.atomic():
        Approval.objects.filter(pk=approval.pk).update(letter_html="<p>Other words</p>")


def test_a_quoted_item_of_a_published_response_cannot_change_until_it_is_reopened(
    response_in, opcc_staff
):
    response = response_in(S.PUBLISHED)
    item = response.report.items.get(reference="1")

    with pytest.raises(ValidationError, match="Reopen the response for correction first"):
        edit_item(item, opcc_staff, text="Changed after publication.")

    assert Item.objects.get(pk=item.pk).text == item.text


# --- Case 3: honest publication dates -----------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (D(2020, 2, 26), "cannot be published before the report"),
        (D(2020, 4, 19), "cannot be published before the PCC approved it"),
        (D(2020, 4, 22), "This date is in the future."),
    ],
    ids=["before the report", "before the approval", "in the future"],
)
def test_an_impossible_publication_date_is_refused(response_in, opcc_staff, on, message):
    response = response_in(S.APPROVED)

    with on_the_day(D(2020, 4, 21)), pytest.raises(ValidationError) as refused:
        publish(response, opcc_staff, on, late_reason="Because.")

    assert message in refused.value.message_dict["published_on"][0]
    assert (fresh(response).status, fresh(response).published_on) == (S.APPROVED, None)


def test_a_date_before_today_needs_a_reason_and_shows_as_recorded_late(
    response_in, opcc_staff, client
):
    response = response_in(S.APPROVED)
    with on_the_day(D(2020, 4, 24)):
        with pytest.raises(ValidationError) as refused:
            publish(response, opcc_staff, D(2020, 4, 21))
        assert "late_reason" in refused.value.message_dict

        version = publish(
            response, opcc_staff, D(2020, 4, 21), late_reason="Published on the website first."
        )

    assert version.recorded_late and version.recorded_on == D(2020, 4, 24)
    client.force_login(opcc_staff)
    page = client.get(response.get_absolute_url()).content.decode()
    assert "Recorded late" in page and "Published on the website first." in page


def test_a_late_publication_is_never_shown_as_on_time(response_in, opcc_staff, client):
    response = response_in(S.APPROVED)  # due 22 April 2020
    with on_the_day(D(2020, 4, 30)):
        publish(response, opcc_staff, D(2020, 4, 30))

    client.force_login(opcc_staff)
    page = client.get(response.get_absolute_url()).content.decode()
    assert "Published late, by 8 days" in page
    assert "deadline-late" in page
    assert "deadline-on-time" not in page and "on time" not in page.lower()


# --- Case 4: invisible text is empty ------------------------------------------------------------

INVISIBLE = ["\u200b", "&#8203;", "\u2800", "<p>\u200b</p>", "\u200d\u2060 \u3164\u00a0"]


@pytest.mark.parametrize("blank", INVISIBLE)
def test_invisible_text_is_not_the_pccs_comments(response_in, opcc_staff, blank):
    response = save_draft(response_in(S.DRAFTING), opcc_staff, letter={"pcc_comments": blank})

    assert response_missing_parts(response=response) == [PCC_COMMENTS]


@pytest.mark.parametrize("blank", INVISIBLE)
def test_invisible_text_is_not_an_explanation(response_in, opcc_staff, blank):
    response = response_in(S.DRAFTING)
    entry = response.annex.get(item__reference="2")

    response = save_draft(response, opcc_staff, annex={entry.pk: {"text": blank}})

    assert response_missing_parts(response=response) == [
        "An explanation for recommendation 2: it needs its explanation written."
    ]


@pytest.mark.parametrize("blank", INVISIBLE)
def test_invisible_text_is_not_the_chief_constables_comments(response_in, force_officer, blank):
    response = response_in(S.CC_INVITED)

    with pytest.raises(ValidationError, match="one of the two"):
        services.response_record_cc_comments(
            response=response,
            by=force_officer,
            expected_version=response.lock_version,
            received_on=D(2020, 3, 20),
            comments=blank,
        )

    assert fresh(response).status == S.CC_INVITED


# --- Case 5: the Chief Constable is given time, and only the force enters their words ----------


def test_the_invitation_cannot_precede_the_report(response_in, opcc_staff):
    response = response_in(S.NOT_STARTED)

    with pytest.raises(ValidationError) as refused:
        services.response_invite_chief_constable(
            response=response,
            by=opcc_staff,
            expected_version=response.lock_version,
            invited_on=D(2020, 2, 26),
            cc_due_on=D(2020, 3, 26),
        )

    assert "before the report's publication" in refused.value.message_dict["invited_on"][0]
    assert fresh(response).status == S.NOT_STARTED


def test_the_office_records_no_comments_only_once_the_due_date_has_passed(response_in, opcc_staff):
    response = response_in(S.CC_INVITED)  # due 26 March 2020

    with pytest.raises(ValidationError, match="not overdue yet"):
        services.response_record_no_cc_comments(
            response=response,
            by=opcc_staff,
            reason="None came.",
            today=D(2020, 3, 26),
            expected_version=response.lock_version,
        )
    assert fresh(response).status == S.CC_INVITED


def test_the_office_cannot_enter_the_chief_constables_words(response_in, opcc_staff, client):
    response = response_in(S.DRAFTING)
    words = response.cc_comments

    with pytest.raises(PermissionDenied):
        services.response_record_cc_comments(
            response=fresh(response),
            by=opcc_staff,
            expected_version=response.lock_version,
            received_on=D(2020, 3, 20),
            comments="Typed by the office.",
        )
    response = save_draft(response, opcc_staff, letter={"cc_comments": "Typed by the office."})

    assert response.cc_comments == words
    client.force_login(opcc_staff)
    composer = client.get(f"/responses/{response.pk}/compose/").content.decode()
    assert 'name="cc_comments"' not in composer and "already *incorporated*" not in composer
    assert "already <em>incorporated</em>" in composer  # shown, read-only


# --- Case 6: a changed publication date updates what depends on it ------------------------------


def move_publication(report, by, to):
    report.refresh_from_db()
    inspections.report_update(
        report=report, by=by, expected_version=report.lock_version, published_on=to
    )


def test_a_moved_publication_date_moves_the_deadline_the_cc_date_and_the_opening(
    ncpi_report, opcc_staff
):
    move_publication(ncpi_report, opcc_staff, D(2020, 3, 5))

    response = fresh(ncpi_report.response)
    assert (response.due_on, response.cc_due_on) == (D(2020, 4, 29), D(2020, 4, 2))
    assert "which HMICFRS published on 5 March 2020." in response.opening
    assert "27 February 2020" not in response.opening
    assert response_missing_parts(response=response)[0] == PCC_COMMENTS  # no date problem


def test_an_opening_written_by_a_person_with_the_old_date_is_questioned(response_in, opcc_staff):
    own_words = "HMICFRS published this report on 27 February 2020; I welcome it."
    response = save_draft(response_in(S.DRAFTING), opcc_staff, letter={"opening": own_words})

    move_publication(response.report, opcc_staff, D(2020, 3, 5))

    stale = (
        "The letter still gives the old publication date, 27 February 2020: the report was "
        "published on 5 March 2020."
    )
    assert response_missing_parts(response=fresh(response)) == [stale]
    corrected = own_words.replace("27 February", "5 March")
    response = save_draft(response, opcc_staff, letter={"opening": corrected})
    assert response_missing_parts(response=response) == []


def test_the_publication_date_cannot_move_once_the_response_is_published(response_in, opcc_staff):
    response = response_in(S.PUBLISHED)

    with pytest.raises(ValidationError) as refused:
        move_publication(response.report, opcc_staff, D(2020, 3, 5))

    assert "cannot change" in refused.value.message_dict["published_on"][0]
    response.report.refresh_from_db()
    assert response.report.published_on == D(2020, 2, 27)


# --- Case 7: an innovative practice made a recommendation gets its box --------------------------


def test_an_innovative_practice_made_a_recommendation_gets_an_entry_to_explain(
    response_in, opcc_staff, client
):
    response = response_in(S.DRAFTING)
    practice = inspections.item_create(
        report=response.report,
        by=opcc_staff,
        kind=ItemKind.INNOVATIVE_PRACTICE,
        reference="IP 1",
        addressee=Addressee.THIS_FORCE,
        text="The force's joint triage hub is innovative practice.",
    )
    assert not AnnexEntry.objects.filter(item=practice).exists()

    edit_item(practice, opcc_staff, kind=ItemKind.RECOMMENDATION)

    entry = AnnexEntry.objects.get(item=practice)
    assert entry.included
    assert response_missing_parts(response=fresh(response)) == [
        "An explanation for recommendation IP 1: it says nothing yet."
    ]
    client.force_login(opcc_staff)
    composer = client.get(f"/responses/{response.pk}/compose/").content.decode()
    assert f'value="{entry.pk}"' in composer  # its box, to write the explanation in
    response = save_draft(
        response,
        opcc_staff,
        annex={entry.pk: {"explanation": Explanation.ACTION_TAKEN, "text": "The hub runs."}},
    )
    assert response_missing_parts(response=response) == []


# --- Case 8: a withdrawn item leaves the annex and comes back with its words -------------------


def test_a_withdrawn_item_leaves_the_letter_and_the_gate_and_returns_as_it_was(
    response_in, opcc_staff
):
    response = save_draft(response_in(S.DRAFTING), opcc_staff)
    item = response.report.items.get(reference="2")
    entry = AnnexEntry.objects.get(item=item)

    inspections.item_withdraw(item=item, by=opcc_staff, reason="Recorded twice by mistake.")

    letter = str(render_letter(response=fresh(response)))
    assert "Recommendation 2<" not in letter and "Recommendation 1<" in letter
    assert fresh(response).versions.first().note == "Recommendation 2 withdrawn."
    inspections.item_restore(
        item=Item.all_objects.get(pk=item.pk), by=opcc_staff, reason="It was right after all."
    )
    assert AnnexEntry.objects.get(pk=entry.pk).text == entry.text
    assert "Recommendation 2<" in str(render_letter(response=fresh(response)))


def test_an_item_of_a_published_response_is_withdrawn_only_once_it_is_reopened(
    response_in, opcc_staff
):
    response = response_in(S.PUBLISHED)
    item = response.report.items.get(reference="2")

    with pytest.raises(ValidationError, match="Reopen the response for correction first"):
        inspections.item_withdraw(item=item, by=opcc_staff, reason="Recorded twice.")

    assert Item.objects.filter(pk=item.pk).exists()


def test_a_withdrawn_reports_response_takes_no_step_until_the_report_is_restored(
    response_in, opcc_staff
):
    response = response_in(S.APPROVED)
    report = response.report
    inspections.report_withdraw(
        report=report, by=opcc_staff, reason="Recorded for the wrong force."
    )

    with on_the_day(D(2020, 4, 21)), pytest.raises(ValidationError, match="restore it first"):
        publish(response, opcc_staff, D(2020, 4, 21))

    assert fresh(response).status == S.APPROVED


def test_an_entry_leaves_the_annex_when_its_item_stops_being_answerable_and_keeps_its_words(
    response_in, opcc_staff
):
    response = save_draft(response_in(S.DRAFTING), opcc_staff)
    item = response.report.items.get(reference="AFI 1")
    words = AnnexEntry.objects.get(item=item).text

    edit_item(item, opcc_staff, kind=ItemKind.INNOVATIVE_PRACTICE)
    assert "AFI 1<" not in str(render_letter(response=fresh(response)))

    edit_item(item, opcc_staff, kind=ItemKind.AREA_FOR_IMPROVEMENT)
    assert AnnexEntry.objects.get(item=item).text == words
    assert "AFI 1<" in str(render_letter(response=fresh(response)))
