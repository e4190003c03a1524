"""Issue 11, the statutory record can be trusted: what the PCC approved is what is published, and
every date is honest (the publication date, a late one, and a report's date that moves)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from inspections import services as inspections
from inspections.models import Item
from responses.choices import ResponseStatus as S
from responses.gate import response_missing_parts
from responses.models import Approval, Signatory
from responses.publication import sha256
from tests.clock import on_the_day
from tests.responses.statutory_record import PCC_COMMENTS, D, edit_item, fresh, publish, save_draft

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
