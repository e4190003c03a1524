"""The response pages cost the same number of queries with 5 or 50 responses, and the detail
page with 5 or 50 recommendations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspections import services as register
from inspections.choices import Addressee, ItemKind
from responses import services
from responses.models import Response
from tests.responses.pages.helpers import record_report

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
