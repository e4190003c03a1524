"""Issue 11, the statutory record can be trusted: every recommendation is answered. An entry left
out, an innovative practice made a recommendation, and an item withdrawn or no longer answerable,
each as the hostile testers reproduced it."""

import pytest
from django.core.exceptions import ValidationError

from inspections import services as inspections
from inspections.choices import Addressee, ItemKind
from inspections.models import Item
from responses.choices import Explanation
from responses.choices import ResponseStatus as S
from responses.gate import response_missing_parts
from responses.letter import render_letter
from responses.models import AnnexEntry
from tests.clock import on_the_day
from tests.responses.statutory_record import (
    D,
    edit_item,
    fresh,
    publish,
    save_draft,
    submit_and_approve,
)

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
