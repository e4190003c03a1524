"""Sign-off: the force submits an action with its evidence; the DCC closes it or sends it back."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.errors import InvalidTransition
from inspections import services
from inspections.choices import ActionStatus, SignOffDecision
from inspections.models import Action

LONDON = ZoneInfo("Europe/London")


def with_evidence(action, by):
    services.evidence_add(
        action=action,
        by=by,
        description="Signed protocol",
        link="https://intranet.example.org/protocol",
    )
    return action


def submit(action, by, note=""):
    return services.action_submit_for_sign_off(
        action=action, by=by, expected_version=action.lock_version, note=note
    )


@pytest.fixture
def pending(action, force_officer):
    """An action in progress, with evidence, submitted for sign-off."""
    return submit(with_evidence(action, force_officer), force_officer)


def decisions(action) -> list[tuple[str, str, str]]:
    return [(e.decision, e.by.username, e.note) for e in action.sign_off_events.all()]


# --- Submitting ----------------------------------------------------------------------------------


def test_submitting_an_action_with_evidence_makes_it_pending_sign_off(action, force_officer):
    with_evidence(action, force_officer)

    submit(action, force_officer, note="Protocol signed by all partners.")

    assert Action.objects.get(pk=action.pk).status == ActionStatus.PENDING_SIGN_OFF
    assert decisions(action) == [
        (SignOffDecision.SUBMITTED, "laura", "Protocol signed by all partners.")
    ]


def test_an_action_without_evidence_cannot_be_submitted(action, force_officer, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        submit(action, force_officer)

    assert refused.value.messages == ["Add evidence of completion before submitting for sign-off."]
    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).status == ActionStatus.IN_PROGRESS


@pytest.mark.parametrize(
    "status",
    [
        ActionStatus.AWAITING_ALLOCATION,
        ActionStatus.NATIONAL_DEPENDENCY,
        ActionStatus.SUPERSEDED,
        ActionStatus.PENDING_SIGN_OFF,
    ],
)
def test_only_an_action_in_progress_can_be_submitted(action, force_officer, row_counts, status):
    with_evidence(action, force_officer)
    Action.objects.filter(pk=action.pk).update(status=status)
    action.refresh_from_db()
    before = row_counts()

    with pytest.raises(InvalidTransition) as refused:
        submit(action, force_officer)

    assert refused.value.messages == [
        f"This action's status is \u201c{status.label}\u201d, so it cannot move to "
        "\u201cPending sign-off\u201d."
    ]
    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).status == status


# --- Closing -------------------------------------------------------------------------------------


def test_closing_records_who_closed_it_and_when(action, force_officer, dcc):
    moment = datetime.datetime(2025, 3, 14, 16, 45, tzinfo=LONDON)
    with time_machine.travel(moment - datetime.timedelta(days=2), tick=False):
        submit(with_evidence(action, force_officer), force_officer)

    with time_machine.travel(moment, tick=False):
        services.action_sign_off(
            action=action, by=dcc, expected_version=action.lock_version, note="Well evidenced."
        )

    stored = Action.objects.get(pk=action.pk)
    assert stored.status == ActionStatus.CLOSED
    assert stored.closed_by == dcc
    assert stored.closed_at == moment
    assert decisions(stored)[-1] == (SignOffDecision.CLOSED, "rachel", "Well evidenced.")
    assert stored.history.get(status=ActionStatus.CLOSED).history_user == dcc


@pytest.mark.parametrize(
    "status",
    [ActionStatus.AWAITING_ALLOCATION, ActionStatus.IN_PROGRESS, ActionStatus.NATIONAL_DEPENDENCY],
)
def test_only_a_pending_action_can_be_closed(action, dcc, row_counts, status):
    Action.objects.filter(pk=action.pk).update(status=status)
    action.refresh_from_db()
    before = row_counts()

    with pytest.raises(InvalidTransition):
        services.action_sign_off(action=action, by=dcc, expected_version=action.lock_version)

    assert row_counts() == before
    stored = Action.objects.get(pk=action.pk)
    assert (stored.status, stored.closed_at, stored.closed_by) == (status, None, None)


def test_a_closed_action_cannot_be_closed_again_or_returned(pending, dcc, row_counts):
    services.action_sign_off(action=pending, by=dcc, expected_version=pending.lock_version)
    before = row_counts()

    with pytest.raises(InvalidTransition):
        services.action_sign_off(action=pending, by=dcc, expected_version=pending.lock_version)
    with pytest.raises(InvalidTransition):
        services.action_return(
            action=pending, by=dcc, expected_version=pending.lock_version, reason="Reopen"
        )

    assert row_counts() == before


# --- Returning -----------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "  "])
def test_a_returned_action_needs_a_reason(pending, dcc, row_counts, reason):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.action_return(
            action=pending, by=dcc, expected_version=pending.lock_version, reason=reason
        )

    assert refused.value.message_dict == {"reason": ["Say why the action is being returned."]}
    assert row_counts() == before
    assert Action.objects.get(pk=pending.pk).status == ActionStatus.PENDING_SIGN_OFF


def test_only_a_pending_action_can_be_returned(action, dcc, row_counts):
    before = row_counts()

    with pytest.raises(InvalidTransition):
        services.action_return(
            action=action, by=dcc, expected_version=action.lock_version, reason="Not yet."
        )

    assert row_counts() == before


def test_a_returned_action_is_back_in_progress_and_can_be_resubmitted(pending, force_officer, dcc):
    services.action_return(
        action=pending,
        by=dcc,
        expected_version=pending.lock_version,
        reason="The protocol is unsigned by children's services.",
    )
    assert Action.objects.get(pk=pending.pk).status == ActionStatus.IN_PROGRESS

    submit(pending, force_officer, note="Now signed by all three partners.")
    services.action_sign_off(action=pending, by=dcc, expected_version=pending.lock_version)

    assert Action.objects.get(pk=pending.pk).status == ActionStatus.CLOSED
    assert decisions(pending) == [
        (SignOffDecision.SUBMITTED, "laura", ""),
        (SignOffDecision.RETURNED, "rachel", "The protocol is unsigned by children's services."),
        (SignOffDecision.SUBMITTED, "laura", "Now signed by all three partners."),
        (SignOffDecision.CLOSED, "rachel", ""),
    ]


# --- Through the pages ---------------------------------------------------------------------------


def sign_off_url(action):
    return reverse("inspections:action_sign_off", args=[action.pk])


@pytest.mark.parametrize("persona", ["force_officer", "opcc_staff", "pcc", "jasp", "outsider"])
def test_only_the_dcc_may_post_a_sign_off(client, personas, pending, row_counts, persona):
    client.force_login(personas[persona])
    before = row_counts()

    response = client.post(
        sign_off_url(pending), {"decision": "close", "lock_version": pending.lock_version}
    )

    assert response.status_code == 403
    assert row_counts() == before
    assert Action.objects.get(pk=pending.pk).status == ActionStatus.PENDING_SIGN_OFF


def test_an_anonymous_visitor_is_sent_to_sign_in_instead_of_signing_off(client, pending):
    response = client.post(
        sign_off_url(pending), {"decision": "close", "lock_version": pending.lock_version}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert Action.objects.get(pk=pending.pk).status == ActionStatus.PENDING_SIGN_OFF


def test_the_dcc_closes_an_action_from_the_sign_off_page(client, dcc, pending):
    client.force_login(dcc)

    response = client.post(
        sign_off_url(pending),
        {"decision": "close", "note": "Evidence seen.", "lock_version": pending.lock_version},
        follow=True,
    )

    assert response.status_code == 200
    assert "Signed off: the action is closed." in response.text
    stored = Action.objects.get(pk=pending.pk)
    assert (stored.status, stored.closed_by) == (ActionStatus.CLOSED, dcc)


def test_the_sign_off_page_will_not_return_an_action_without_a_reason(
    client, dcc, pending, row_counts
):
    client.force_login(dcc)
    before = row_counts()

    response = client.post(
        sign_off_url(pending),
        {"decision": "return", "note": " ", "lock_version": pending.lock_version},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["note"] == ["Say why the action is being returned."]
    assert row_counts() == before


def test_the_dcc_returns_an_action_with_a_reason_from_the_sign_off_page(client, dcc, pending):
    client.force_login(dcc)

    response = client.post(
        sign_off_url(pending),
        {"decision": "return", "note": "Unsigned.", "lock_version": pending.lock_version},
    )

    assert response.status_code == 302
    assert Action.objects.get(pk=pending.pk).status == ActionStatus.IN_PROGRESS
    assert decisions(pending)[-1] == (SignOffDecision.RETURNED, "rachel", "Unsigned.")


def test_signing_off_an_action_that_is_not_pending_shows_why_and_changes_nothing(
    client, dcc, action, row_counts
):
    client.force_login(dcc)
    before = row_counts()

    response = client.post(
        sign_off_url(action), {"decision": "close", "lock_version": action.lock_version}
    )

    assert response.status_code == 200
    assert (
        "This action&#x27;s status is \u201cIn progress\u201d, "
        "so it cannot move to \u201cClosed\u201d." in response.text
    )
    assert row_counts() == before


def test_a_force_officer_submits_from_the_submit_page(client, action, force_officer):
    with_evidence(action, force_officer)
    client.force_login(force_officer)

    response = client.post(
        reverse("inspections:action_submit", args=[action.pk]),
        {"note": "Ready.", "lock_version": action.lock_version},
    )

    assert response.status_code == 302
    assert Action.objects.get(pk=action.pk).status == ActionStatus.PENDING_SIGN_OFF


def test_the_submit_page_says_evidence_is_needed(client, action, force_officer, row_counts):
    client.force_login(force_officer)
    before = row_counts()

    response = client.post(
        reverse("inspections:action_submit", args=[action.pk]),
        {"note": "", "lock_version": action.lock_version},
    )

    assert response.status_code == 200
    assert "Add evidence of completion before submitting for sign-off." in response.text
    assert row_counts() == before


def test_a_pending_action_appears_in_the_dcc_review_queue(client, dcc, pending):
    client.force_login(dcc)

    response = client.get(reverse("inspections:review_queue"))

    assert [a.pk for a in response.context["actions"]] == [pending.pk]
