"""The completeness gate (s55(5) and (5B)): a response is submitted, approved and published only
with all three comment parts (or a reason the Chief Constable made none), a dated letter with a
signatory in office on that date, and an explanation for every recommendation. Each missing part
is named, and only the missing parts are."""

import datetime

import pytest

from responses import services
from responses.choices import Explanation, ResponseStatus
from responses.errors import IncompleteResponse
from responses.gate import response_missing_parts, signatory_on
from responses.models import Response, Signatory
from tests.conftest import COMPLETE_LETTER, complete_annex

D = datetime.date
S = ResponseStatus

PCC_COMMENTS = "The PCC's comments on the report."
CC_PART = "The Chief Constable's comments, or the reason there are none."
PCC_ON_CC = "The PCC's comments on the Chief Constable's comments."
LETTER_DATE = "The letter's date."


def redraft(response, by, *, letter=None, annex=None) -> Response:
    """Save the composer with the complete letter and annex, changed by `letter` and by `annex`
    (item reference -> values), and return the stored response."""
    entries = complete_annex(response)
    references = dict(response.annex.values_list("pk", "item__reference"))
    for pk, values in entries.items():
        values.update((annex or {}).get(references[pk], {}))
    services.response_save_draft(
        response=response,
        by=by,
        expected_version=response.lock_version,
        letter={**COMPLETE_LETTER, **(letter or {})},
        annex=entries,
    )
    return Response.objects.get(pk=response.pk)


def submit(response, by) -> None:
    services.response_submit_for_approval(
        response=response, by=by, expected_version=response.lock_version
    )


def test_a_complete_response_passes_the_gate_and_can_be_submitted(response_in, opcc_staff):
    response = response_in(S.DRAFTING)

    assert response_missing_parts(response=response) == []
    submit(response, opcc_staff)

    assert Response.objects.get(pk=response.pk).status == S.SUBMITTED


@pytest.mark.parametrize(
    ("change", "named"),
    [
        pytest.param({"letter": {"pcc_comments": ""}}, PCC_COMMENTS, id="the PCC's comments"),
        pytest.param({"letter": {"pcc_comments_on_cc": ""}}, PCC_ON_CC, id="comments on the CC's"),
        pytest.param({"letter": {"letter_date": None}}, LETTER_DATE, id="the letter's date"),
        pytest.param(
            {"letter": {"letter_date": D(2021, 5, 13)}},
            "A signatory in office on 13 May 2021.",
            id="a signatory on the letter's date",
        ),
        pytest.param(
            {"annex": {"1": {"explanation": ""}}},
            "An explanation for recommendation 1: it says nothing yet.",
            id="which explanation recommendation 1 has",
        ),
        pytest.param(
            {"annex": {"1": {"text": ""}}},
            "An explanation for recommendation 1: it needs its explanation written.",
            id="the words of recommendation 1's explanation",
        ),
        pytest.param(
            {"annex": {"1": {"owner": ""}}},
            "An explanation for recommendation 1: it proposes action but has no owner and "
            "target date.",
            id="the owner of the action proposed",
        ),
        pytest.param(
            {"annex": {"1": {"target_date": None}}},
            "An explanation for recommendation 1: it proposes action but has no owner and "
            "target date.",
            id="the target date of the action proposed",
        ),
        pytest.param(
            {"annex": {"2": {"explanation": "", "text": ""}}},
            "An explanation for recommendation 2: it says nothing yet.",
            id="recommendation 2, addressed to the Home Office",
        ),
    ],
)
def test_submission_is_refused_naming_exactly_the_one_missing_part(
    response_in, opcc_staff, change, named
):
    response = redraft(response_in(S.DRAFTING), opcc_staff, **change)

    with pytest.raises(IncompleteResponse) as refused:
        submit(response, opcc_staff)

    assert refused.value.missing == [named]
    assert named in refused.value.messages
    assert Response.objects.get(pk=response.pk).status == S.DRAFTING


@pytest.mark.parametrize(
    "typed",
    [
        "<script>x</script>",
        "<style>p { color: red }</style>",
        '<img src="x" onerror="alert(1)">',
        '<iframe src="https://example.org"></iframe>',
        "<p></p>",
        "<!-- to do -->",
        "&nbsp;",
        "   \n\n  ",
    ],
)
def test_text_that_sanitises_to_nothing_is_not_the_pccs_comments(response_in, opcc_staff, typed):
    response = redraft(response_in(S.DRAFTING), opcc_staff, letter={"pcc_comments": typed})

    with pytest.raises(IncompleteResponse) as refused:
        submit(response, opcc_staff)

    assert refused.value.missing == [PCC_COMMENTS]


def test_an_annex_explanation_that_sanitises_to_nothing_is_not_an_explanation(
    response_in, opcc_staff
):
    response = redraft(
        response_in(S.DRAFTING), opcc_staff, annex={"2": {"text": "<script>x</script>"}}
    )

    with pytest.raises(IncompleteResponse) as refused:
        submit(response, opcc_staff)

    assert refused.value.missing == [
        "An explanation for recommendation 2: it needs its explanation written."
    ]


def test_a_recorded_reason_that_the_chief_constable_made_no_comments_satisfies_the_gate(
    response_in, force_officer, opcc_staff
):
    response = response_in(S.CC_INVITED)
    services.response_record_cc_comments(
        response=response,
        by=force_officer,
        expected_version=response.lock_version,
        received_on=D(2020, 3, 26),
        no_comments_reason="The Chief Constable chose not to comment.",
    )
    response = redraft(Response.objects.get(pk=response.pk), opcc_staff)

    assert response.cc_comments == ""
    submit(response, opcc_staff)
    assert Response.objects.get(pk=response.pk).status == S.SUBMITTED


@pytest.mark.parametrize(
    "afi",
    [
        pytest.param({"explanation": "", "text": ""}, id="unexplained"),
        pytest.param({"explanation": "", "text": "", "included": False}, id="left out"),
        pytest.param({"explanation": Explanation.ACTION_PROPOSED}, id="with no owner or date"),
    ],
)
def test_areas_for_improvement_never_block_the_response(response_in, opcc_staff, afi):
    response = redraft(response_in(S.DRAFTING), opcc_staff, annex={"AFI 1": afi})

    submit(response, opcc_staff)

    assert Response.objects.get(pk=response.pk).status == S.SUBMITTED


def test_a_new_response_lists_every_missing_part_in_the_letters_order(response_in):
    response = response_in(S.CC_INVITED)

    # Recommendation 2 is for the Home Office, so it starts with the usual line and passes.
    assert response_missing_parts(response=response) == [
        PCC_COMMENTS,
        CC_PART,
        PCC_ON_CC,
        "An explanation for recommendation 1: it says nothing yet.",
        LETTER_DATE,
    ]


# --- The signatory --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("letter_date", "signed_by"),
    [
        (D(2012, 11, 21), None),
        (D(2012, 11, 22), "Paddy Tipping"),
        (D(2021, 5, 12), "Paddy Tipping"),
        (D(2021, 5, 13), "Caroline Henry"),
    ],
)
def test_the_letter_is_signed_by_whoever_held_office_on_its_date(signatory, letter_date, signed_by):
    Signatory.objects.create(name="Caroline Henry", valid_from=D(2021, 5, 13))

    found = signatory_on(letter_date)

    assert (found and found.name) == signed_by


def test_without_any_signatory_on_record_the_letter_cannot_be_submitted(response_in, opcc_staff):
    response = response_in(S.DRAFTING)
    Signatory.objects.all().delete()

    with pytest.raises(IncompleteResponse) as refused:
        submit(response, opcc_staff)

    assert refused.value.missing == ["A signatory in office on 20 April 2020."]


def test_approval_checks_the_gate_again(response_in, pcc, signatory):
    response = response_in(S.SUBMITTED)
    # The term of office is corrected after submission: it ended before the letter's date.
    Signatory.objects.filter(pk=signatory.pk).update(valid_to=D(2020, 4, 1))

    with pytest.raises(IncompleteResponse) as refused:
        services.response_approve(response=response, by=pcc, expected_version=response.lock_version)

    assert refused.value.missing == ["A signatory in office on 20 April 2020."]
    assert Response.objects.get(pk=response.pk).status == S.SUBMITTED


def test_publication_checks_the_gate_again(response_in, opcc_staff, signatory):
    response = response_in(S.APPROVED)
    Signatory.objects.filter(pk=signatory.pk).update(valid_from=D(2020, 5, 1), valid_to=None)

    with pytest.raises(IncompleteResponse) as refused:
        services.response_publish(
            response=response,
            by=opcc_staff,
            expected_version=response.lock_version,
            on=D(2020, 4, 21),
        )

    assert refused.value.missing == ["A signatory in office on 20 April 2020."]
    stored = Response.objects.get(pk=response.pk)
    assert (stored.status, stored.published_on) == (S.APPROVED, None)
