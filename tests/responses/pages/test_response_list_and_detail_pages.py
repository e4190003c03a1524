"""The response list, My responses and the detail page as each role meets them, with the
deadline box and how an overdue response shows wherever it appears."""

import datetime

import pytest
from django.urls import reverse

from responses import services
from responses.choices import ResponseStatus
from responses.models import Response
from tests.responses.pages.helpers import at, page_text, record_report

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
