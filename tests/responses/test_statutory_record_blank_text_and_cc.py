"""Issue 11, the statutory record can be trusted: invisible text counts as empty, and the Chief
Constable is given time and only the force enters their words."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from responses import services
from responses.choices import ResponseStatus as S
from responses.gate import response_missing_parts
from tests.responses.statutory_record import PCC_COMMENTS, D, fresh, save_draft

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
