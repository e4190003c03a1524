"""The section 55 workflow: not started -> Chief Constable invited -> comments received -> drafting
-> submitted -> approved -> published. Every move is checked against every role and every state;
a refused move raises and leaves the response, its annex and its versions exactly as they were."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.roles import Role
from core.errors import InvalidTransition
from inspections import services as inspections
from inspections.choices import Addressee, ItemKind
from responses import services
from responses.choices import Explanation, ResponseStatus
from responses.errors import IncompleteResponse
from responses.models import AnnexEntry, Response, ResponseVersion
from responses.workflow import RESPONSES
from tests.clock import on_the_day
from tests.conftest import COMPLETE_LETTER, complete_annex

D = datetime.date
S = ResponseStatus


def invite(response, user):
    services.response_invite_chief_constable(
        response=response,
        by=user,
        expected_version=response.lock_version,
        invited_on=D(2020, 2, 28),
        cc_due_on=D(2020, 3, 26),
    )


def record_cc_comments(response, user):
    services.response_record_cc_comments(
        response=response,
        by=user,
        expected_version=response.lock_version,
        received_on=D(2020, 3, 20),
        comments="The force welcomes the report.",
    )


def save_draft(response, user):
    services.response_save_draft(
        response=response,
        by=user,
        expected_version=response.lock_version,
        letter=COMPLETE_LETTER,
        annex=complete_annex(response),
    )


def submit(response, user):
    services.response_submit_for_approval(
        response=response, by=user, expected_version=response.lock_version
    )


def approve(response, user):
    services.response_approve(response=response, by=user, expected_version=response.lock_version)


def return_(response, user):
    services.response_return(
        response=response,
        by=user,
        expected_version=response.lock_version,
        comments="Say more about early help.",
    )


def publish(response, user):
    with on_the_day(D(2020, 4, 21)):
        services.response_publish(
            response=response, by=user, expected_version=response.lock_version, on=D(2020, 4, 21)
        )


#: Each move: the function, the states it may start from, where it goes (from the first of
#: those states), and the personas allowed to make it.
MOVES = {
    "invite the Chief Constable": (invite, [S.NOT_STARTED], S.CC_INVITED, {"opcc_staff"}),
    "record the Chief Constable's comments": (
        record_cc_comments,
        [S.CC_INVITED],
        S.CC_RECEIVED,
        {"force_officer", "dcc"},
    ),
    "save a draft": (
        save_draft,
        [S.CC_RECEIVED, S.NOT_STARTED, S.CC_INVITED, S.DRAFTING],
        S.DRAFTING,
        {"opcc_staff"},
    ),
    "submit for approval": (submit, [S.DRAFTING], S.SUBMITTED, {"opcc_staff"}),
    "approve": (approve, [S.SUBMITTED], S.APPROVED, {"pcc"}),
    "return for changes": (return_, [S.SUBMITTED, S.APPROVED], S.DRAFTING, {"pcc"}),
    "publish": (publish, [S.APPROVED], S.PUBLISHED, {"opcc_staff"}),
}
PERSONAS = ["opcc_staff", "pcc", "force_officer", "dcc", "jasp", "outsider"]

ALLOWED = [(p, m) for m, (*_, allowed) in MOVES.items() for p in PERSONAS if p in allowed]
REFUSED = [(p, m) for m, (*_, allowed) in MOVES.items() for p in PERSONAS if p not in allowed]
WRONG_STATES = [(m, s) for m, (_, starts, *_) in MOVES.items() for s in S if s not in starts]


def everything_about(response) -> dict:
    """What a refused move must leave alone: the response row, its annex and its versions."""
    return {
        "response": Response.objects.filter(pk=response.pk).values().get(),
        "annex": list(AnnexEntry.objects.filter(response=response).order_by("pk").values()),
        "versions": ResponseVersion.objects.filter(response=response).count(),
    }


#: The declared step each move takes (responses.workflow.RESPONSES), and where the steps this
#: matrix does not drive are tested instead.
STEP_OF = {
    "invite the Chief Constable": "invite",
    "record the Chief Constable's comments": "cc_comments",
    "save a draft": "compose",
    "submit for approval": "submit",
    "approve": "approve",
    "return for changes": "return",
    "publish": "publish",
}
DRIVEN_ELSEWHERE = {
    "no_cc_comments": "test_no_cc_comments.py",
    "send": "test_send.py",
    "reopen": "test_publication.py",
    "assign_owner": "test_response_pages.py",
}
ROLE_OF = {
    "opcc_staff": Role.OPCC_STAFF,
    "pcc": Role.PCC,
    "force_officer": Role.FORCE_STAFF,
    "dcc": Role.DCC,
    "jasp": Role.JASP,
}


def test_every_declared_step_is_driven_here_or_named_elsewhere():
    declared = {transition.name for transition in RESPONSES.transitions}
    assert declared == set(STEP_OF.values()) | set(DRIVEN_ELSEWHERE)


@pytest.mark.parametrize("move", MOVES)
def test_the_matrix_expects_what_the_workflow_declares(move):
    """The matrix's roles and start states are written out by hand; if they drift from the
    declared workflow, the matrix would test a workflow that no longer exists."""
    _, starts, goes_to, allowed = MOVES[move]
    step = RESPONSES[STEP_OF[move]]
    assert {ROLE_OF[persona] for persona in allowed} == set(step.roles)
    assert set(starts) == set(step.sources)
    assert step.target in (goes_to, None)


@pytest.mark.parametrize(("persona", "move"), ALLOWED)
def test_the_right_role_can_make_the_move(response_in, personas, persona, move):
    function, starts, goes_to, _ = MOVES[move]
    response = response_in(starts[0])
    versions = response.versions.count()

    function(response, personas[persona])

    stored = Response.objects.get(pk=response.pk)
    assert stored.status == goes_to
    assert stored.lock_version == response.lock_version
    assert stored.versions.count() == versions + 1
    assert stored.versions.first().saved_by == personas[persona]


@pytest.mark.parametrize(("persona", "move"), REFUSED)
def test_any_other_role_is_refused_and_nothing_changes(response_in, personas, persona, move):
    function, starts, _, _ = MOVES[move]
    response = response_in(starts[0])
    before = everything_about(response)

    with pytest.raises(PermissionDenied):
        function(response, personas[persona])

    assert everything_about(response) == before


@pytest.mark.parametrize(("move", "state"), WRONG_STATES)
def test_a_move_from_the_wrong_state_is_refused_and_nothing_changes(
    response_in, personas, move, state
):
    function, _, _, allowed = MOVES[move]
    response = response_in(state)
    before = everything_about(response)

    with pytest.raises(ValidationError) as refused:
        function(response, personas[sorted(allowed)[0]])

    if move != "save a draft":
        assert isinstance(refused.value, InvalidTransition)
    assert everything_about(response) == before


# --- Inviting the Chief Constable -----------------------------------------------------------------


def test_inviting_the_chief_constable_records_the_invitation_and_the_date_set(
    response_in, opcc_staff
):
    response = response_in(S.NOT_STARTED)

    services.response_invite_chief_constable(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        invited_on=D(2020, 3, 2),
        cc_due_on=D(2020, 3, 16),
    )

    stored = Response.objects.get(pk=response.pk)
    assert (stored.status, stored.cc_invited_on, stored.cc_due_on) == (
        S.CC_INVITED,
        D(2020, 3, 2),
        D(2020, 3, 16),
    )
    assert stored.versions.first().note == "Chief Constable invited."


def test_comments_due_sooner_than_the_minimum_period_need_a_reason(response_in, opcc_staff):
    response = response_in(S.NOT_STARTED)
    before = everything_about(response)
    invitation = {"invited_on": D(2020, 3, 2), "cc_due_on": D(2020, 3, 8)}  # 6 days

    with pytest.raises(ValidationError) as refused:
        services.response_invite_chief_constable(
            response=response, by=opcc_staff, expected_version=response.lock_version, **invitation
        )
    assert "less than 7 days" in refused.value.message_dict["cc_due_on"][0]
    assert everything_about(response) == before

    services.response_invite_chief_constable(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        short_notice_reason="The force asked to reply before its board meets on 8 March.",
        **invitation,
    )
    stored = Response.objects.get(pk=response.pk)
    assert stored.cc_due_on == D(2020, 3, 8)
    assert stored.cc_short_notice_reason.startswith("The force asked")


def test_comments_due_before_the_invitation_are_refused(response_in, opcc_staff):
    response = response_in(S.NOT_STARTED)
    before = everything_about(response)

    with pytest.raises(ValidationError) as refused:
        services.response_invite_chief_constable(
            response=response,
            by=opcc_staff,
            expected_version=response.lock_version,
            invited_on=D(2020, 3, 2),
            cc_due_on=D(2020, 3, 1),
        )

    assert "cc_due_on" in refused.value.message_dict
    assert everything_about(response) == before


# --- The Chief Constable's comments ---------------------------------------------------------------


def record(response, user, **fields):
    services.response_record_cc_comments(
        response=response,
        by=user,
        expected_version=response.lock_version,
        **{"received_on": D(2020, 3, 20), **fields},
    )


def test_the_dcc_records_the_chief_constables_comments_and_the_date_they_arrived(response_in, dcc):
    response = response_in(S.CC_INVITED)

    record(response, dcc, comments="We welcome the report.\n\n- one\n- two")

    stored = Response.objects.get(pk=response.pk)
    assert stored.status == S.CC_RECEIVED
    assert stored.cc_received_on == D(2020, 3, 20)
    assert stored.cc_comments == "We welcome the report.\n\n- one\n- two"
    assert stored.cc_no_comments_reason == ""


def test_a_reason_for_no_comments_is_recorded_instead_of_comments(response_in, force_officer):
    response = response_in(S.CC_INVITED)

    record(response, force_officer, no_comments_reason="  The Chief Constable made none.  ")

    stored = Response.objects.get(pk=response.pk)
    assert stored.status == S.CC_RECEIVED
    assert (stored.cc_comments, stored.cc_no_comments_reason) == (
        "",
        "The Chief Constable made none.",
    )


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({}, id="neither"),
        pytest.param({"comments": "  ", "no_comments_reason": " "}, id="only spaces"),
        pytest.param(
            {"comments": "<script>alert(1)</script>"}, id="comments that clean to nothing"
        ),
        pytest.param({"comments": "<p></p>"}, id="an empty paragraph"),
        pytest.param({"comments": "Welcome.", "no_comments_reason": "None made."}, id="both"),
    ],
)
def test_the_chief_constables_part_needs_comments_or_a_reason_but_not_both(
    response_in, force_officer, fields
):
    response = response_in(S.CC_INVITED)
    before = everything_about(response)

    with pytest.raises(ValidationError):
        record(response, force_officer, **fields)

    assert everything_about(response) == before


def test_comments_cannot_arrive_before_the_invitation(response_in, force_officer):
    response = response_in(S.CC_INVITED)
    before = everything_about(response)

    with pytest.raises(ValidationError) as refused:
        record(response, force_officer, comments="Welcome.", received_on=D(2020, 2, 27))

    assert "received_on" in refused.value.message_dict
    assert everything_about(response) == before


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
