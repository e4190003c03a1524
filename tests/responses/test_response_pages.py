"""The response pages as each role meets them: the lists, the detail page with its deadline box,
and the workflow's steps, which take one service call each and change nothing when refused."""

import datetime
import re
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspections import services as register
from inspections.choices import Addressee, ItemKind, ReportType, Scope
from responses import services
from responses.choices import ResponseStatus
from responses.models import Response
from tests.access.snapshot import db_changes, db_snapshot

LONDON = ZoneInfo("Europe/London")


def at(year, month, day, hour=12):
    """Freeze the clock at a London wall-clock time."""
    return time_machine.travel(datetime.datetime(year, month, day, hour, tzinfo=LONDON), tick=False)


def page_text(response) -> str:
    """The page's words with the markup and runs of white space removed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip())


def record_report(by, title: str, published_on=datetime.date(2020, 2, 27)):
    return register.report_create(
        by=by,
        title=title,
        report_type=ReportType.NATIONAL,
        scope=Scope.ALL_FORCES,
        published_on=published_on,
        hmicfrs_url="",
        summary="",
    )


@pytest.fixture
def ncpi(ncpi_report):
    return Response.objects.get(report=ncpi_report)


# --- Who sees which page --------------------------------------------------------------------------

READER_PERSONAS = ["opcc_staff", "pcc", "force_officer", "dcc", "jasp"]


@pytest.mark.parametrize("persona", READER_PERSONAS)
def test_every_role_reads_the_list_and_the_detail_page(client, personas, persona, ncpi):
    client.force_login(personas[persona])

    listed = client.get(reverse("responses:list"))
    detail = client.get(ncpi.get_absolute_url())

    assert listed.status_code == 200
    assert ncpi.report.title in page_text(listed)
    assert detail.status_code == 200
    assert "To be published by Wednesday 22 April 2020" in page_text(detail)


def test_someone_with_no_role_sees_neither(client, outsider, ncpi):
    client.force_login(outsider)

    assert client.get(reverse("responses:list")).status_code == 403
    assert client.get(ncpi.get_absolute_url()).status_code == 403


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


def test_my_responses_lists_what_the_member_of_staff_owns_soonest_first(client, opcc_staff):
    colleague = type(opcc_staff).objects.create(username="colin")
    colleague.groups.set(opcc_staff.groups.all())
    later = Response.objects.get(
        report=record_report(opcc_staff, "Later", datetime.date(2024, 5, 1))
    )
    sooner = Response.objects.get(
        report=record_report(opcc_staff, "Sooner", datetime.date(2024, 3, 1))
    )
    theirs = Response.objects.get(report=record_report(opcc_staff, "Theirs"))
    for response, owner in ((later, opcc_staff), (sooner, opcc_staff), (theirs, colleague)):
        services.response_assign_owner(
            response=response, by=opcc_staff, owner=owner, expected_version=response.lock_version
        )
    client.force_login(opcc_staff)

    with at(2024, 3, 10):
        page = client.get(reverse("responses:mine"))

    assert [r.report.title for r in page.context["responses"]] == ["Sooner", "Later"]
    assert "Due 25 Apr 2024 · 46 days left" in page_text(page)


def test_only_the_office_has_my_responses_in_the_menu(client, opcc_staff, jasp):
    client.force_login(opcc_staff)
    assert "My responses" in page_text(client.get(reverse("responses:list")))
    client.force_login(jasp)
    text = page_text(client.get(reverse("responses:list")))
    assert "Responses" in text
    assert "My responses" not in text


# --- The deadline ---------------------------------------------------------------------------------


def test_the_detail_page_shows_the_deadline_and_how_it_was_worked_out(client, jasp, ncpi):
    client.force_login(jasp)

    with at(2020, 4, 10):  # Good Friday
        text = page_text(client.get(ncpi.get_absolute_url()))

    assert "To be published by Wednesday 22 April 2020" in text
    assert "Due 22 Apr 2020 · 12 days left" in text
    assert "Calendar days left 12" in text
    # Not Good Friday itself (today), not Easter Monday, not the two weekends.
    assert "Working days left (England and Wales) 7" in text
    assert "Day 1 Thursday 27 February 2020" in text
    assert "Day 56, the last day Wednesday 22 April 2020" in text
    assert ncpi.deadline.explanation in text


def test_an_overdue_response_says_so_wherever_it_appears(client, opcc_staff, ncpi):
    client.force_login(opcc_staff)

    with at(2020, 4, 25):
        detail = page_text(client.get(ncpi.get_absolute_url()))
        listed = page_text(client.get(reverse("responses:list")))
        on_register = page_text(client.get(reverse("inspections:report_list")))
        on_report = page_text(client.get(ncpi.report.get_absolute_url()))

    for text in (detail, listed, on_register, on_report):
        assert "Overdue by 3 days · due 22 Apr 2020" in text
    assert "Status: Not started Overdue" in detail


def test_a_report_before_may_2017_has_no_statutory_deadline(client, jasp, opcc_staff):
    old = Response.objects.get(report=record_report(opcc_staff, "Old", datetime.date(2016, 3, 16)))
    client.force_login(jasp)

    text = page_text(client.get(old.get_absolute_url()))

    assert "No statutory deadline" in text
    assert "applies to reports published on or after 2 May 2017" in text


def test_a_published_response_is_not_overdue_and_says_when_it_was_published(
    client, jasp, response_in
):
    response = response_in(ResponseStatus.PUBLISHED)
    client.force_login(jasp)

    with at(2020, 6, 1):
        text = page_text(client.get(response.get_absolute_url()))

    assert "Due 22 Apr 2020 · Published on time" in text
    assert "Overdue" not in text


def test_the_list_filters_to_the_overdue_responses(client, jasp, opcc_staff, response_in):
    published = response_in(ResponseStatus.PUBLISHED)  # due 22 April 2020, published: not overdue
    overdue = Response.objects.get(report=record_report(opcc_staff, "Late one"))
    with at(2020, 4, 30):  # recorded when HMICFRS published it (a date years ahead is refused)
        record_report(opcc_staff, "Not yet due", datetime.date(2020, 4, 30))
    client.force_login(jasp)

    with at(2020, 5, 1):
        every = client.get(reverse("responses:list"))
        only = client.get(reverse("responses:list"), {"overdue": "on"})
        drafting = client.get(reverse("responses:list"), {"status": "published"})

    assert len(every.context["responses"]) == 3
    assert [r.pk for r in only.context["responses"]] == [overdue.pk]
    assert [r.pk for r in drafting.context["responses"]] == [published.pk]


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
    alert = html[html.index('role="alert"') : html.index("</div>", html.index('role="alert"'))]
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


# --- Query counts ---------------------------------------------------------------------------------


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def count_at_5_and_50(client, url, add_rows) -> tuple[int, int]:
    add_rows(5)
    client.get(url)  # warm up
    at_5 = queries_for(client, url)
    add_rows(45)
    return at_5, queries_for(client, url)


@pytest.fixture
def add_responses(opcc_staff, force_officer):
    made = []

    def add(n):
        for _ in range(n):
            report = record_report(opcc_staff, f"Report {len(made)}")
            register.item_create(
                report=report,
                by=opcc_staff,
                kind=ItemKind.RECOMMENDATION,
                reference="1",
                addressee=Addressee.ALL_CHIEF_CONSTABLES,
                text="Chief constables should act.",
            )
            response = Response.objects.get(report=report)
            services.response_assign_owner(
                response=response,
                by=opcc_staff,
                owner=opcc_staff,
                expected_version=response.lock_version,
            )
            made.append(response)

    return add


@pytest.mark.parametrize("name", ["responses:list", "responses:mine", "inspections:report_list"])
def test_the_lists_cost_the_same_with_5_or_50_responses(client, opcc_staff, add_responses, name):
    client.force_login(opcc_staff)

    at_5, at_50 = count_at_5_and_50(client, reverse(name), add_responses)

    assert at_5 == at_50


def test_the_filtered_list_costs_the_same_with_5_or_50_responses(client, jasp, add_responses):
    client.force_login(jasp)
    url = reverse("responses:list") + "?status=not_started&overdue=on"

    at_5, at_50 = count_at_5_and_50(client, url, add_responses)

    assert at_5 == at_50


def test_the_detail_page_costs_the_same_with_5_or_50_responses(client, opcc_staff, add_responses):
    client.force_login(opcc_staff)
    add_responses(1)
    url = Response.objects.order_by("pk").first().get_absolute_url()

    at_5, at_50 = count_at_5_and_50(client, url, add_responses)

    assert at_5 == at_50


def test_the_detail_page_costs_the_same_with_5_or_50_recommendations(client, opcc_staff, ncpi):
    client.force_login(opcc_staff)
    numbers = iter(range(100, 200))

    def add_items(n):
        for _ in range(n):
            register.item_create(
                report=ncpi.report,
                by=opcc_staff,
                kind=ItemKind.RECOMMENDATION,
                reference=str(next(numbers)),
                addressee=Addressee.HOME_OFFICE,
                text="The Home Office should act.",
            )

    at_5, at_50 = count_at_5_and_50(client, ncpi.get_absolute_url(), add_items)

    assert at_5 == at_50
