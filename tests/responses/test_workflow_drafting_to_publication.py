"""The office's and the PCC's part of the workflow: drafting, submission through the completeness
gate, approval or return, a recommendation added late sending the response back, and publication
with one version per step."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from core.errors import InvalidTransition
from inspections import services as inspections
from inspections.choices import Addressee, ItemKind
from responses import services
from responses.choices import Explanation
from responses.errors import IncompleteResponse
from responses.models import Response
from tests.clock import on_the_day
from tests.conftest import COMPLETE_LETTER
from tests.responses.workflow_moves import (
    D,
    S,
    approve,
    everything_about,
    return_,
    save_draft,
    submit,
)

# --- Drafting -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "after"),
    [
        (S.NOT_STARTED, S.NOT_STARTED),
        (S.CC_INVITED, S.CC_INVITED),
        (S.CC_RECEIVED, S.DRAFTING),
        (S.DRAFTING, S.DRAFTING),
    ],
)
def test_saving_a_draft_moves_only_a_response_with_the_chief_constables_comments_to_drafting(
    response_in, opcc_staff, state, after
):
    response = response_in(state)

    save_draft(response, opcc_staff)

    stored = Response.objects.get(pk=response.pk)
    assert stored.status == after
    assert stored.pcc_comments == COMPLETE_LETTER["pcc_comments"]
    assert stored.annex.get(item__reference="1").owner == "Public Protection"


def test_a_draft_is_stored_sanitised(response_in, opcc_staff):
    response = response_in(S.DRAFTING)

    services.response_save_draft(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        letter={"pcc_comments": 'I **welcome** it.<script>alert("x")</script>', "subject": " S "},
        annex={},
    )

    stored = Response.objects.get(pk=response.pk)
    assert stored.pcc_comments == "I **welcome** it."
    assert stored.subject == "S"


@pytest.mark.parametrize("state", [S.SUBMITTED, S.APPROVED, S.PUBLISHED, S.SENT])
def test_once_submitted_the_draft_cannot_be_edited(response_in, opcc_staff, state):
    response = response_in(state)
    before = everything_about(response)

    with pytest.raises(ValidationError) as refused:
        save_draft(response, opcc_staff)

    assert "can no longer be edited" in refused.value.messages[0]
    assert everything_about(response) == before


# --- Submission, approval, return -----------------------------------------------------------------


def test_submitting_records_when_and_passes_the_completeness_gate(response_in, opcc_staff):
    response = response_in(S.DRAFTING)
    moment = datetime.datetime(2020, 4, 15, 10, 0, tzinfo=datetime.UTC)

    with time_machine.travel(moment, tick=False):
        submit(response, opcc_staff)

    stored = Response.objects.get(pk=response.pk)
    assert stored.status == S.SUBMITTED
    assert stored.submitted_at == moment


def test_an_incomplete_draft_cannot_be_submitted(response_in, opcc_staff):
    response = response_in(S.CC_RECEIVED)
    services.response_save_draft(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        letter={"monitoring": "JASP scrutinises delivery."},
        annex={},
    )
    response = Response.objects.get(pk=response.pk)
    before = everything_about(response)

    with pytest.raises(IncompleteResponse) as refused:
        submit(response, opcc_staff)

    assert "The PCC's comments on the report." in refused.value.missing
    assert everything_about(response) == before


def test_the_pcc_approves_and_is_recorded_as_the_approver(response_in, pcc):
    response = response_in(S.SUBMITTED)
    moment = datetime.datetime(2020, 4, 16, 9, 30, tzinfo=datetime.UTC)

    with time_machine.travel(moment, tick=False):
        approve(response, pcc)

    stored = Response.objects.get(pk=response.pk)
    assert (stored.status, stored.approved_by, stored.approved_at) == (S.APPROVED, pcc, moment)


@pytest.mark.parametrize("comments", ["", "   \n"])
def test_returning_a_response_needs_the_pccs_comments(response_in, pcc, comments):
    response = response_in(S.SUBMITTED)
    before = everything_about(response)

    with pytest.raises(ValidationError) as refused:
        services.response_return(
            response=response, by=pcc, expected_version=response.lock_version, comments=comments
        )

    assert "comments" in refused.value.message_dict
    assert everything_about(response) == before


def test_a_returned_response_goes_back_to_drafting_with_the_pccs_comments_until_resubmitted(
    response_in, pcc, opcc_staff
):
    response = response_in(S.SUBMITTED)

    return_(response, pcc)
    returned = Response.objects.get(pk=response.pk)
    assert (returned.status, returned.returned_comments) == (
        S.DRAFTING,
        "Say more about early help.",
    )

    services.response_save_draft(
        response=returned,
        by=opcc_staff,
        expected_version=returned.lock_version,
        letter={"pcc_comments": "I welcome the report and its focus on early help."},
        annex={},
    )
    submit(Response.objects.get(pk=response.pk), opcc_staff)
    resubmitted = Response.objects.get(pk=response.pk)
    assert resubmitted.status == S.SUBMITTED
    assert resubmitted.returned_comments == ""
    assert resubmitted.pcc_comments == "I welcome the report and its focus on early help."


def test_the_pcc_can_return_an_approved_response_not_yet_published(response_in, pcc):
    response = response_in(S.APPROVED)
    assert (response.approved_at, response.approved_by) != (None, None)
    versions = response.versions.count()

    return_(response, pcc)

    stored = Response.objects.get(pk=response.pk)
    assert (stored.status, stored.returned_comments) == (S.DRAFTING, "Say more about early help.")
    assert (stored.approved_at, stored.approved_by) == (None, None)
    assert stored.lock_version == response.lock_version
    assert stored.versions.count() == versions + 1
    returned = stored.versions.first()
    assert (returned.saved_by, returned.note) == (pcc, "Returned by the PCC.")


@pytest.mark.parametrize("state", [S.PUBLISHED, S.SENT])
def test_a_published_response_cannot_be_returned(response_in, pcc, state):
    response = response_in(state)
    before = everything_about(response)

    with pytest.raises(InvalidTransition):
        return_(response, pcc)

    assert everything_about(response) == before


def record_missed_recommendation(report, by):
    return inspections.item_create(
        report=report,
        by=by,
        kind=ItemKind.RECOMMENDATION,
        reference="3",
        addressee=Addressee.THIS_FORCE,
        text="A recommendation missed when the report was recorded.",
    )


@pytest.mark.parametrize("state", [S.SUBMITTED, S.APPROVED])
def test_a_recommendation_added_after_submission_sends_the_response_back_to_be_explained(
    response_in, opcc_staff, pcc, state
):
    response = response_in(state)

    record_missed_recommendation(response.report, opcc_staff)

    returned = Response.objects.get(pk=response.pk)
    assert (returned.status, returned.approval, returned.approved_by) == (S.DRAFTING, None, None)
    assert "Recommendation 3 was added to the report" in returned.returned_comments
    assert returned.versions.first().note.startswith("Sent back for approval")
    entry = returned.annex.get(item__reference="3")
    with pytest.raises(IncompleteResponse) as refused:
        submit(returned, opcc_staff)
    assert refused.value.missing == ["An explanation for recommendation 3: it says nothing yet."]
    services.response_save_draft(
        response=Response.objects.get(pk=response.pk),
        by=opcc_staff,
        expected_version=returned.lock_version,
        letter={},
        annex={
            entry.pk: {
                "explanation": Explanation.ACTION_TAKEN,
                "text": "Already done: the force reviewed its protocol in 2019.",
            }
        },
    )
    submit(Response.objects.get(pk=response.pk), opcc_staff)
    approve(Response.objects.get(pk=response.pk), pcc)

    assert Response.objects.get(pk=response.pk).status == S.APPROVED


# --- Publication ----------------------------------------------------------------------------------


def test_publishing_records_the_date_it_was_published(response_in, opcc_staff):
    response = response_in(S.APPROVED)

    with on_the_day(D(2020, 4, 22)):
        services.response_publish(
            response=response,
            by=opcc_staff,
            expected_version=response.lock_version,
            on=D(2020, 4, 22),
        )

    stored = Response.objects.get(pk=response.pk)
    assert (stored.status, stored.published_on) == (S.PUBLISHED, D(2020, 4, 22))
    assert not stored.is_overdue(D(2020, 5, 1))
    assert stored.versions.first().note == "Published."


def test_the_whole_journey_is_recorded_as_one_version_per_step(response_in):
    response = response_in(S.PUBLISHED)

    notes = list(response.versions.order_by("number").values_list("number", "note"))

    steps = [
        "Opened when the report was recorded.",
        # The report's recommendations and AFI, each recorded after the report was.
        "Annex entry added for Recommendation 1.",
        "Annex entry added for Recommendation 2.",
        "Annex entry added for Area for improvement AFI 1.",
        "Chief Constable invited.",
        "Chief Constable's comments.",
        "",
        "Submitted for approval.",
        "Approved by the PCC.",
        "Published.",
    ]
    assert notes == list(enumerate(steps, start=1))
    assert response.lock_version == len(steps)
