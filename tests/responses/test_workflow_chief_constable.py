"""The Chief Constable's part of the workflow: the invitation with the date comments are due,
and the comments (or the reason there are none) recorded with the day they arrived."""

import pytest
from django.core.exceptions import ValidationError

from responses import services
from responses.models import Response
from tests.responses.workflow_moves import D, S, everything_about

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
