"""The section 55 workflow: not started -> Chief Constable invited -> comments received -> drafting
-> submitted -> approved -> published. Every move is checked against every role and every state;
a refused move raises and leaves the response, its annex and its versions exactly as they were."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.roles import Role
from core.errors import InvalidTransition
from responses.models import Response
from responses.workflow import RESPONSES
from tests.responses.workflow_moves import (
    S,
    approve,
    everything_about,
    invite,
    publish,
    record_cc_comments,
    return_,
    save_draft,
    submit,
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
    "assign_owner": "pages/test_response_step_pages.py",
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
