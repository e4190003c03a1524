"""Each export costs the same number of queries for 5 rows as for 50 (no N+1)."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspections import services
from inspections.choices import ReportType
from tests.factories import ActionFactory, ItemFactory, ReportFactory

from .helpers import body

NUMBERS = itertools.count()


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        body(client.get(url))  # a streamed export reads its rows while it is sent
    return len(captured)


def count_at_5_and_50(client, url, add_rows) -> tuple[int, int]:
    add_rows(5)
    body(client.get(url))  # warm up: sessions and the like are not what is measured
    at_5 = queries_for(client, url)
    add_rows(45)
    at_50 = queries_for(client, url)
    print(f"{url}: {at_5} queries at 5 rows, {at_50} at 50")
    return at_5, at_50


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_register_export_costs_the_same_for_5_or_50_reports(client, opcc_staff, fmt):
    client.force_login(opcc_staff)

    def add(n):
        for _ in range(n):
            report = services.report_create(
                by=opcc_staff,
                title=f"PEEL {next(NUMBERS)}",
                report_type=ReportType.PEEL,
                scope="this_force",
                published_on=datetime.date(2021, 5, 1),
            )
            ActionFactory(item=ItemFactory(report=report))

    url = reverse(f"inspections:report_list_{fmt}") + "?q=peel&open_items=on"
    at_5, at_50 = count_at_5_and_50(client, url, add)

    assert at_5 == at_50


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_responses_export_costs_the_same_for_5_or_50(client, jasp, opcc_staff, fmt):
    client.force_login(jasp)

    def add(n):
        for _ in range(n):
            services.report_create(
                by=opcc_staff,
                title=f"Report {next(NUMBERS)}",
                report_type=ReportType.NATIONAL,
                scope="all_forces",
                published_on=datetime.date(2020, 2, 27),
            )

    at_5, at_50 = count_at_5_and_50(client, reverse(f"responses:list_{fmt}"), add)

    assert at_5 == at_50


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_action_exports_cost_the_same_for_5_or_50(client, force_officer, dcc, fmt):
    def add(n):
        for _ in range(n):
            action = ActionFactory(item=ItemFactory(report=ReportFactory()), owner_user=dcc)
            services.evidence_add(action=action, by=dcc, description="Log", link="https://x.org/")
            services.action_submit_for_sign_off(action=action, by=dcc, expected_version=1)
            ActionFactory(owner_user=dcc)

    client.force_login(dcc)
    for name in ("my_actions", "review_queue"):
        at_5, at_50 = count_at_5_and_50(client, reverse(f"inspections:{name}_{fmt}"), add)
        assert at_5 == at_50, name
