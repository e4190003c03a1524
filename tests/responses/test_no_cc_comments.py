"""When the Chief Constable lets the date set for comments pass, the office records that none
came, so the 56-day duty does not wait on the force."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from responses import services
from responses.choices import ResponseStatus
from responses.gate import response_missing_parts
from responses.models import Response

DUE = datetime.date(2020, 3, 26)


def record(response, by, *, today, reason="No comments came by the date set."):
    return services.response_record_no_cc_comments(
        response=response,
        by=by,
        reason=reason,
        today=today,
        expected_version=response.lock_version,
    )


def test_after_the_date_set_the_office_records_that_no_comments_came(response_in, opcc_staff):
    response = response_in(ResponseStatus.CC_INVITED)

    record(response, opcc_staff, today=DUE + datetime.timedelta(days=1))

    stored = Response.objects.get(pk=response.pk)
    assert stored.status == ResponseStatus.CC_RECEIVED
    assert stored.cc_no_comments_reason == "No comments came by the date set."
    assert not any(
        "Chief Constable's comments, or" in part for part in response_missing_parts(response=stored)
    )


@pytest.mark.parametrize("days", [0, -5])
def test_on_or_before_the_date_set_the_office_must_wait_for_the_force(
    response_in, opcc_staff, days
):
    response = response_in(ResponseStatus.CC_INVITED)

    with pytest.raises(ValidationError, match="not overdue yet"):
        record(response, opcc_staff, today=DUE + datetime.timedelta(days=days))

    assert Response.objects.get(pk=response.pk).status == ResponseStatus.CC_INVITED


def test_a_reason_is_needed(response_in, opcc_staff):
    response = response_in(ResponseStatus.CC_INVITED)

    with pytest.raises(ValidationError, match="Say why"):
        record(response, opcc_staff, today=DUE + datetime.timedelta(days=1), reason="  ")


@pytest.mark.parametrize("persona", ["pcc", "force_officer", "dcc", "jasp", "outsider"])
def test_only_the_office_records_it(response_in, persona, request):
    response = response_in(ResponseStatus.CC_INVITED)

    with pytest.raises(PermissionDenied):
        record(response, request.getfixturevalue(persona), today=DUE + datetime.timedelta(days=1))


def test_the_response_page_offers_it_only_once_the_comments_are_overdue(
    response_in, opcc_staff, client
):
    response = response_in(ResponseStatus.CC_INVITED)
    client.force_login(opcc_staff)
    url = reverse("responses:no_cc_comments", args=[response.pk])

    page = client.get(response.get_absolute_url())
    assert url in page.text  # 26 March 2020 is long past

    Response.objects.filter(pk=response.pk).update(cc_due_on=datetime.date(2999, 1, 1))
    assert url not in client.get(response.get_absolute_url()).text
