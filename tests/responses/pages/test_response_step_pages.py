"""The workflow's steps through their pages: each opens for its roles only, takes one service
call, and changes nothing when refused."""

import datetime
import re

import pytest
from django.urls import reverse

from responses import services
from responses.choices import ResponseStatus
from responses.models import Response
from tests.access.snapshot import db_changes, db_snapshot
from tests.responses.pages.helpers import at, page_text


@pytest.mark.parametrize(
    ("name", "status", "allowed"),
    [
        ("responses:assign_owner", ResponseStatus.NOT_STARTED, {"opcc_staff"}),
        ("responses:invite", ResponseStatus.NOT_STARTED, {"opcc_staff"}),
        ("responses:cc_comments", ResponseStatus.CC_INVITED, {"force_officer", "dcc"}),
        ("responses:submit", ResponseStatus.DRAFTING, {"opcc_staff"}),
        ("responses:approve", ResponseStatus.SUBMITTED, {"pcc"}),
        ("responses:publish", ResponseStatus.APPROVED, {"opcc_staff"}),
    ],
)
def test_each_step_opens_for_its_roles_only(client, personas, response_in, name, status, allowed):
    response = response_in(status)
    url = reverse(name, args=[response.pk])
    for persona, user in personas.items():
        client.force_login(user)
        expected = 200 if persona in allowed else 403
        assert client.get(url).status_code == expected, persona


# --- The workflow through its pages ---------------------------------------------------------------


def test_the_invitation_defaults_to_today_and_28_days_after_publication(client, opcc_staff, ncpi):
    client.force_login(opcc_staff)
    url = reverse("responses:invite", args=[ncpi.pk])

    with at(2020, 2, 28):
        form = client.get(url).context["form"]
        saved = client.post(
            url,
            {
                "invited_on": "2020-02-28",
                "cc_due_on": "2020-03-26",
                "lock_version": ncpi.lock_version,
            },
        )

    assert form["invited_on"].value() == datetime.date(2020, 2, 28)
    assert form["cc_due_on"].value() == datetime.date(2020, 3, 26)
    assert saved.status_code == 302
    ncpi.refresh_from_db()
    assert ncpi.status == ResponseStatus.CC_INVITED
    assert ncpi.cc_invited_on == datetime.date(2020, 2, 28)


def test_force_staff_enter_the_chief_constables_comments_as_markdown(
    client, force_officer, opcc_staff, response_in
):
    response = response_in(ResponseStatus.CC_INVITED)
    client.force_login(force_officer)
    url = reverse("responses:cc_comments", args=[response.pk])

    with at(2020, 3, 20):
        saved = client.post(
            url,
            {
                "received_on": "2020-03-20",
                "comments": "We **accept** every recommendation.<script>alert(1)</script>",
                "no_comments_reason": "",
                "lock_version": response.lock_version,
            },
        )
        client.force_login(opcc_staff)
        detail = client.get(response.get_absolute_url()).content.decode()

    assert saved.status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.CC_RECEIVED
    assert response.cc_received_on == datetime.date(2020, 3, 20)
    assert "We <strong>accept</strong> every recommendation." in detail
    assert "<script>alert" not in detail
    assert "20 March 2020" in detail


def test_the_comments_or_the_reason_there_are_none_but_not_neither(
    client, force_officer, response_in
):
    response = response_in(ResponseStatus.CC_INVITED)
    client.force_login(force_officer)
    before = db_snapshot()

    with at(2020, 3, 20):
        page = client.post(
            reverse("responses:cc_comments", args=[response.pk]),
            {"received_on": "2020-03-20", "lock_version": response.lock_version},
        )

    assert page.status_code == 200
    assert "or the reason there are none" in page_text(page)
    assert db_changes(before, db_snapshot()) == []


def test_a_refused_submit_lists_what_is_missing_and_changes_nothing(
    client, opcc_staff, response_in
):
    response = response_in(ResponseStatus.CC_RECEIVED)
    services.response_save_draft(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        letter={"pcc_comments": "I welcome the report."},
        annex={},
    )
    response.refresh_from_db()
    assert response.status == ResponseStatus.DRAFTING
    client.force_login(opcc_staff)
    url = reverse("responses:submit", args=[response.pk])
    before = db_snapshot()

    page = client.post(url, {"lock_version": response.lock_version})

    assert page.status_code == 200
    assert db_changes(before, db_snapshot()) == []
    html = page.content.decode()
    # The form's alert (the page's first is the session warning, hidden until it is due).
    start = html.index('role="alert"', html.index('id="session-stay"'))
    alert = html[start : html.index("</div>", start)]
    assert "The response is not complete. Still needed:" in alert
    items = re.findall(r"<li>(.*?)</li>", alert, flags=re.S)
    assert "The PCC&#x27;s comments on the Chief Constable&#x27;s comments." in items
    assert any("recommendation 1" in item for item in items)
    assert "The letter&#x27;s date." in items


def test_the_submit_page_shows_the_gate_before_anything_is_posted(client, opcc_staff, response_in):
    response = response_in(ResponseStatus.DRAFTING)
    client.force_login(opcc_staff)

    text = page_text(client.get(reverse("responses:submit", args=[response.pk])))

    assert "Complete: it has all three sets of comments" in text


def test_a_step_from_the_wrong_state_is_refused_and_changes_nothing(client, pcc, response_in):
    response = response_in(ResponseStatus.DRAFTING)
    client.force_login(pcc)
    url = reverse("responses:approve", args=[response.pk])
    before = db_snapshot()

    shown = client.get(url)
    refused = client.post(
        url, {"decision": "approve", "comments": "", "lock_version": response.lock_version}
    )

    assert "this step cannot be taken now" in page_text(shown)
    assert 'name="decision"' not in shown.content.decode()
    assert refused.status_code == 200
    assert "status is \u201cDrafting\u201d, so it cannot move to \u201cApproved\u201d" in page_text(
        refused
    )
    assert db_changes(before, db_snapshot()) == []


def test_the_pcc_approves_a_complete_response(client, pcc, response_in):
    response = response_in(ResponseStatus.SUBMITTED)
    client.force_login(pcc)

    saved = client.post(
        reverse("responses:approve", args=[response.pk]),
        {"decision": "approve", "comments": "", "lock_version": response.lock_version},
    )

    assert saved.status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.APPROVED
    assert response.approved_by == pcc


def test_returning_needs_comments_and_the_office_then_sees_them(
    client, pcc, opcc_staff, response_in
):
    response = response_in(ResponseStatus.SUBMITTED)
    client.force_login(pcc)
    url = reverse("responses:approve", args=[response.pk])
    before = db_snapshot()

    refused = client.post(
        url, {"decision": "return", "comments": " ", "lock_version": response.lock_version}
    )
    assert refused.status_code == 200
    assert "Say what needs to change." in page_text(refused)
    assert db_changes(before, db_snapshot()) == []

    returned = client.post(
        url,
        {
            "decision": "return",
            "comments": "Say more about early help.",
            "lock_version": response.lock_version,
        },
    )
    assert returned.status_code == 302
    client.force_login(opcc_staff)
    text = page_text(client.get(response.get_absolute_url()))
    assert "Returned by the PCC Say more about early help." in text
    assert "Status: Drafting" in text


def test_publication_defaults_to_today(client, opcc_staff, response_in):
    response = response_in(ResponseStatus.APPROVED)
    client.force_login(opcc_staff)
    url = reverse("responses:publish", args=[response.pk])

    with at(2020, 4, 21):
        form = client.get(url).context["form"]
        saved = client.post(
            url, {"published_on": "2020-04-21", "lock_version": response.lock_version}
        )

    assert form["published_on"].value() == datetime.date(2020, 4, 21)
    assert saved.status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.PUBLISHED
    assert response.published_on == datetime.date(2020, 4, 21)


def test_the_gate_holds_at_publication_even_if_the_response_lost_a_part(
    client, opcc_staff, response_in
):
    response = response_in(ResponseStatus.APPROVED)
    Response.objects.filter(pk=response.pk).update(pcc_comments="")
    client.force_login(opcc_staff)
    before = db_snapshot()

    with at(2020, 4, 21):
        page = client.post(
            reverse("responses:publish", args=[response.pk]),
            {"published_on": "2020-04-21", "lock_version": response.lock_version},
        )

    assert page.status_code == 200
    assert "The PCC's comments on the report." in page_text(page)
    assert db_changes(before, db_snapshot()) == []


def test_a_stale_form_is_refused(client, opcc_staff, ncpi):
    client.force_login(opcc_staff)
    url = reverse("responses:assign_owner", args=[ncpi.pk])
    client.post(url, {"owner": opcc_staff.pk, "lock_version": ncpi.lock_version})
    before = db_snapshot()

    page = client.post(url, {"owner": "", "lock_version": ncpi.lock_version})

    assert page.status_code == 200
    assert "someone else changed this response" in page_text(page)
    assert db_changes(before, db_snapshot()) == []


def test_only_office_staff_can_be_chosen_as_owner(client, opcc_staff, force_officer, ncpi):
    client.force_login(opcc_staff)
    url = reverse("responses:assign_owner", args=[ncpi.pk])

    choices = list(client.get(url).context["form"].fields["owner"].queryset)
    refused = client.post(url, {"owner": force_officer.pk, "lock_version": ncpi.lock_version})

    assert choices == [opcc_staff]
    assert refused.status_code == 200
    ncpi.refresh_from_db()
    assert ncpi.owner is None


def test_the_detail_page_offers_each_role_its_own_steps(client, personas, response_in):
    response = response_in(ResponseStatus.SUBMITTED)
    buttons = {}
    for persona in ("opcc_staff", "pcc", "jasp"):
        client.force_login(personas[persona])
        buttons[persona] = client.get(response.get_absolute_url()).content.decode()

    approve = reverse("responses:approve", args=[response.pk])
    letter = reverse("responses:letter", args=[response.pk])
    assert approve in buttons["pcc"] and approve not in buttons["opcc_staff"]
    assert letter in buttons["pcc"] and letter in buttons["opcc_staff"]
    assert letter not in buttons["jasp"] and "Completeness" not in buttons["jasp"]
    assert reverse("responses:compose", args=[response.pk]) not in buttons["opcc_staff"]


def test_the_steps_read_in_order_with_the_current_one_marked(client, jasp, response_in):
    response = response_in(ResponseStatus.CC_RECEIVED)
    client.force_login(jasp)

    html = client.get(response.get_absolute_url()).content.decode()

    current = re.search(r'aria-current="step">(.*?)</li>', html, flags=re.S)[1]
    assert "Chief Constable&#x27;s comments received" in current
    assert html.count("Done:") == 2


def test_put_is_not_a_way_round_the_form(client, pcc, response_in):
    response = response_in(ResponseStatus.SUBMITTED)
    client.force_login(pcc)

    refused = client.put(reverse("responses:approve", args=[response.pk]))

    assert refused.status_code == 405
