"""The section 55 workflow's moves, each one service call with the values a real response
would carry, and what a refused move must leave alone. Shared by the test_workflow_* files."""

import datetime

from responses import services
from responses.choices import ResponseStatus
from responses.models import AnnexEntry, Response, ResponseVersion
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


def everything_about(response) -> dict:
    """What a refused move must leave alone: the response row, its annex and its versions."""
    return {
        "response": Response.objects.filter(pk=response.pk).values().get(),
        "annex": list(AnnexEntry.objects.filter(response=response).order_by("pk").values()),
        "versions": ResponseVersion.objects.filter(response=response).count(),
    }
