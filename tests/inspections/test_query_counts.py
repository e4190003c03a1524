"""The register's pages cost the same number of queries for 5 rows as for 50 (no N+1)."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspections import services
from inspections.choices import ActionStatus, ItemKind, SignOffDecision
from inspections.models import Evidence, ProgressUpdate, SignOffEvent
from tests.factories import ActionFactory, ItemFactory, ReportFactory


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def count_at_5_and_50(client, url, add_rows) -> tuple[int, int]:
    add_rows(5)
    client.get(url)  # warm up: sessions, content types and the like are not what is measured
    at_5 = queries_for(client, url)
    add_rows(45)
    at_50 = queries_for(client, url)
    return at_5, at_50


def test_the_register_costs_the_same_with_5_or_50_reports(client, jasp, force_officer):
    client.force_login(jasp)

    def add_reports(n):
        for _ in range(n):
            report = ReportFactory()
            concern = ItemFactory(report=report, kind=ItemKind.CAUSE_OF_CONCERN)
            ItemFactory(report=report, cause_of_concern=concern)
            ActionFactory(item=ItemFactory(report=report), owner_user=force_officer)

    at_5, at_50 = count_at_5_and_50(client, reverse("inspections:report_list"), add_reports)

    assert at_5 == at_50


def test_the_filtered_register_costs_the_same_with_5_or_50_reports(client, jasp):
    client.force_login(jasp)
    numbers = itertools.count()

    def add_reports(n):
        for _ in range(n):
            ItemFactory(report=ReportFactory(title=f"PEEL inspection {next(numbers)}"))

    url = reverse("inspections:report_list") + "?q=peel&open_items=on&year=2020"
    at_5, at_50 = count_at_5_and_50(client, url, add_reports)

    assert at_5 == at_50


def test_a_report_page_costs_the_same_with_5_or_50_items(client, opcc_staff, force_officer):
    client.force_login(opcc_staff)
    report = ReportFactory()
    concern = ItemFactory(report=report, kind=ItemKind.CAUSE_OF_CONCERN)

    def add_items(n):
        for i in range(n):
            item = ItemFactory(report=report, cause_of_concern=concern if i % 2 else None)
            ActionFactory(item=item, owner_user=force_officer)
            ActionFactory(item=item, status=ActionStatus.AWAITING_ALLOCATION, owner_name="")
        services.report_update(
            report=report,
            by=opcc_staff,
            expected_version=report.lock_version,
            summary=f"Now {report.items.count()} items.",
        )

    at_5, at_50 = count_at_5_and_50(client, report.get_absolute_url(), add_items)

    assert at_5 == at_50


def test_an_item_page_costs_the_same_with_5_or_50_actions(client, dcc, force_officer, opcc_staff):
    client.force_login(dcc)
    item = ItemFactory()
    for _ in range(3):
        ItemFactory(report=item.report, kind=ItemKind.RECOMMENDATION)
    services.item_update(item=item, by=opcc_staff, expected_version=1, text="Edited once.")

    def add_actions(n):
        for i in range(n):
            action = services.action_create(
                item=item,
                by=force_officer,
                description=f"Action {i}",
                owner_user=force_officer,
                target_date=datetime.date(2030, 6, 30),
                status=ActionStatus.IN_PROGRESS,
            )
            services.action_change_target_date(
                action=action,
                by=force_officer,
                expected_version=action.lock_version,
                new_date=datetime.date(2030, 9, 30),
                reason="Partners asked for more time.",
            )
            services.action_add_update(action=action, by=force_officer, text="Drafted.")
            services.action_add_update(action=action, by=dcc, text="Reviewed.")
            services.evidence_add(
                action=action, by=force_officer, description="Link", link="https://example.org/"
            )
            Evidence.objects.create(
                action=action,
                token=f"token-{action.pk}",
                file=f"evidence/{action.pk}/file",
                original_name="protocol.pdf",
                content_type="application/pdf",
                size=1234,
                description="Signed protocol",
                added_by=force_officer,
            )
            services.action_submit_for_sign_off(
                action=action, by=force_officer, expected_version=action.lock_version
            )
            if i % 2:
                services.action_sign_off(
                    action=action, by=dcc, expected_version=action.lock_version, note="Done."
                )
            else:
                services.action_return(
                    action=action, by=dcc, expected_version=action.lock_version, reason="More."
                )

    at_5, at_50 = count_at_5_and_50(client, item.get_absolute_url(), add_actions)

    assert ProgressUpdate.objects.count() == 100
    assert {action.status for action in item.actions.all()} == {
        ActionStatus.CLOSED,
        ActionStatus.IN_PROGRESS,
    }
    assert at_5 == at_50


@pytest.mark.parametrize("page", ["my_actions", "review_queue"])
def test_the_action_lists_cost_the_same_with_5_or_50_actions(client, dcc, page):
    client.force_login(dcc)
    item = ItemFactory()

    def add_actions(n):
        for _ in range(n):
            ActionFactory(item=item, owner_user=dcc, status=ActionStatus.PENDING_SIGN_OFF)
        for action in item.actions.filter(sign_off_events__isnull=True):
            SignOffEvent.objects.create(
                action=action, decision=SignOffDecision.SUBMITTED, by=dcc, at=timezone.now()
            )

    at_5, at_50 = count_at_5_and_50(client, reverse(f"inspections:{page}"), add_actions)

    assert at_5 == at_50
