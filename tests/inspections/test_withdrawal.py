"""Withdraw, never delete (issue 11, case 8): a wrongly recorded report or item leaves the
register, the figures, search, exports, reminders and the gate; OPCC staff still see it, struck
through, with who, when and why, and can restore it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from dashboards.selectors import dcc_figures, jasp_figures
from inspections import services
from inspections.choices import ActionStatus
from inspections.models import Action, Item, Report
from reminders.choices import ReminderState
from reminders.models import Reminder
from reminders.scan import reminders_scan
from reminders.selectors import calendar_responses
from responses.choices import ResponseStatus
from responses.gate import response_missing_parts
from responses.models import Response
from tests.factories import ItemFactory, ReportFactory

TODAY = datetime.date(2026, 12, 2)


def withdraw_report(client, report, reason="Recorded twice by mistake."):
    url = reverse("inspections:report_withdraw", args=[report.pk])
    return client.post(url, {"reason": reason, "lock_version": report.lock_version})


def withdraw_item(client, item, reason="Not in the printed report."):
    url = reverse("inspections:item_withdraw", args=[item.pk])
    return client.post(url, {"reason": reason, "lock_version": item.lock_version})


@pytest.fixture
def tracked_action(item, force_officer):
    """An open action with a target date in a month: it has reminders planned."""
    return services.action_create(
        item=item,
        by=force_officer,
        description="Audit missing episodes.",
        owner_user=force_officer,
        target_date=timezone.localdate() + datetime.timedelta(days=30),
        status=ActionStatus.IN_PROGRESS,
    )


def scheduled(**subject) -> int:
    return Reminder.objects.filter(state=ReminderState.SCHEDULED, **subject).count()


# --- Leaving the register ---------------------------------------------------------------------


def test_a_withdrawn_report_leaves_the_register_search_and_export(client, opcc_staff, jasp):
    report = ReportFactory(title="PEEL 2025 recorded for the wrong force")

    def shown_to_jasp() -> list[bool]:
        client.force_login(jasp)
        export = client.get(reverse("inspections:report_list_csv"))
        return [
            report.title in client.get(reverse("inspections:report_list")).text,
            report.title in client.get(reverse("search:results"), {"q": "wrong force"}).text,
            report.title in b"".join(export.streaming_content).decode(),
            client.get(report.get_absolute_url()).status_code == 200,
        ]

    assert shown_to_jasp() == [True] * 4
    client.force_login(opcc_staff)
    assert withdraw_report(client, report).status_code == 302
    assert shown_to_jasp() == [False] * 4


def test_a_withdrawn_item_leaves_the_report_page_for_readers(client, opcc_staff, jasp, item):
    client.force_login(opcc_staff)
    assert withdraw_item(client, item).status_code == 302

    client.force_login(jasp)
    assert item.text not in client.get(item.report.get_absolute_url()).text
    assert client.get(item.get_absolute_url()).status_code == 404


def test_withdrawn_actions_leave_the_dcc_and_jasp_figures(opcc_staff, item, tracked_action):
    def open_counts():
        jasp = jasp_figures(today=TODAY, since=TODAY - datetime.timedelta(days=90))
        return dcc_figures(today=TODAY).headline["open"], jasp.items["open"]

    assert open_counts() == (1, 1)
    services.item_withdraw(item=item, by=opcc_staff, reason="Not in the printed report.")
    assert open_counts() == (0, 0)
    services.item_restore(item=Item.all_objects.get(pk=item.pk), by=opcc_staff, reason="It is.")
    assert open_counts() == (1, 1)


def test_a_withdrawn_report_leaves_the_statutory_record(ncpi_report, opcc_staff):
    assert statutory_total() == 1
    services.report_withdraw(report=ncpi_report, by=opcc_staff, reason="Another force's.")
    assert statutory_total() == 0


def statutory_total() -> int:
    jasp = jasp_figures(today=TODAY, since=TODAY)
    return sum(jasp.record_total.values())


def test_a_withdrawn_recommendation_leaves_the_gate(ncpi_report, opcc_staff):
    response = Response.objects.get(report=ncpi_report)
    recommendation = ncpi_report.items.get(reference="1")
    assert any("recommendation 1" in m for m in response_missing_parts(response=response))

    services.item_withdraw(item=recommendation, by=opcc_staff, reason="Not in the report.")
    assert not any("recommendation 1" in m for m in response_missing_parts(response=response))

    restored = Item.all_objects.get(pk=recommendation.pk)
    services.item_restore(item=restored, by=opcc_staff, reason="It is, on page 12.")
    assert any("recommendation 1" in m for m in response_missing_parts(response=response))


# --- Reminders ---------------------------------------------------------------------------------


def test_a_withdrawn_items_actions_are_not_reminded_of_until_restored(opcc_staff, tracked_action):
    item = tracked_action.item
    assert scheduled(action=tracked_action) > 0

    services.item_withdraw(item=item, by=opcc_staff, reason="Not in the printed report.")
    assert scheduled(action=tracked_action) == 0

    services.item_restore(item=Item.all_objects.get(pk=item.pk), by=opcc_staff, reason="It is.")
    assert scheduled(action=tracked_action) > 0


def test_a_withdrawn_reports_response_and_actions_are_not_reminded_of(
    ncpi_report, opcc_staff, force_officer
):
    item = ncpi_report.items.get(reference="1")
    action = services.action_create(
        item=item,
        by=force_officer,
        description="Review the diversion scheme.",
        owner_name="Public Protection",
        target_date=timezone.localdate() + datetime.timedelta(days=30),
        status=ActionStatus.IN_PROGRESS,
    )
    response = Response.objects.get(report=ncpi_report)
    assert scheduled(action=action) > 0

    services.report_withdraw(report=ncpi_report, by=opcc_staff, reason="Another force's.")
    assert scheduled(action=action) == 0
    assert scheduled(response=response) == 0

    services.report_restore(
        report=Report.all_objects.get(pk=ncpi_report.pk), by=opcc_staff, reason="Ours after all."
    )
    assert scheduled(action=action) > 0


def test_a_withdrawn_reports_response_leaves_the_calendar_feed(ncpi_report, opcc_staff):
    assert [r.report_id for r in calendar_responses(user=opcc_staff)] == [ncpi_report.pk]
    services.report_withdraw(report=ncpi_report, by=opcc_staff, reason="Another force's.")
    assert calendar_responses(user=opcc_staff) == []


def test_the_scan_sends_nothing_for_an_item_withdrawn_behind_the_services_back(tracked_action):
    """A reminder planned before the item was withdrawn (say, by a hook that was missed) is
    cancelled when it falls due, not sent."""
    Item.all_objects.filter(pk=tracked_action.item_id).update(
        withdrawn_at=timezone.now(),
        withdrawn_by=tracked_action.owner_user,
        withdrawal_reason="Not in the report.",
    )
    result = reminders_scan(now=timezone.now() + datetime.timedelta(days=400))
    assert result.deliveries == 0
    assert scheduled(action=tracked_action) == 0


# --- What OPCC staff still see -----------------------------------------------------------------


def test_opcc_staff_see_a_withdrawn_report_struck_through_with_who_when_and_why(
    client, opcc_staff, report
):
    client.force_login(opcc_staff)
    withdraw_report(client, report, reason="Recorded for the wrong force.")

    page = client.get(report.get_absolute_url()).text
    assert f"<del>{report.title}</del>" in page
    assert "Recorded for the wrong force." in page
    assert escape(opcc_staff.get_full_name()) in page
    assert reverse("inspections:report_restore", args=[report.pk]) in page
    assert reverse("inspections:report_update", args=[report.pk]) not in page


def test_opcc_staff_see_a_withdrawn_item_struck_through_on_the_report_page(
    client, opcc_staff, item
):
    client.force_login(opcc_staff)
    withdraw_item(client, item, reason="Duplicate of 3.4.")

    page = client.get(item.report.get_absolute_url()).text
    assert f"<del>{item}</del>" in page
    assert "Duplicate of 3.4." in page
    assert reverse("inspections:item_restore", args=[item.pk]) in page
    assert "<del>" in client.get(item.get_absolute_url()).text


def test_the_withdrawn_reports_list_is_linked_from_the_register_and_offers_restore(
    client, opcc_staff, report
):
    client.force_login(opcc_staff)
    withdraw_report(client, report)
    listing = reverse("inspections:withdrawn_reports")
    assert listing in client.get(reverse("inspections:report_list")).text

    page = client.get(listing).text
    assert report.title in page
    assert "Recorded twice by mistake." in page
    assert reverse("inspections:report_restore", args=[report.pk]) in page


def test_restoring_a_report_brings_it_back_to_the_register(client, opcc_staff, report):
    client.force_login(opcc_staff)
    withdraw_report(client, report)
    withdrawn = Report.all_objects.get(pk=report.pk)

    response = client.post(
        reverse("inspections:report_restore", args=[report.pk]),
        {"reason": "It was ours after all.", "lock_version": withdrawn.lock_version},
    )

    assert response.status_code == 302
    assert report.title in client.get(reverse("inspections:report_list")).text
    assert report.title not in client.get(reverse("inspections:withdrawn_reports")).text
    reasons = set(Report.history.filter(id=report.pk).values_list("history_change_reason"))
    assert ("Restored: It was ours after all.",) in reasons


# --- What is refused ---------------------------------------------------------------------------


def test_a_report_whose_response_is_published_cannot_be_withdrawn(
    client, response_in, opcc_staff, row_counts
):
    response = response_in(ResponseStatus.PUBLISHED)
    report = response.report
    client.force_login(opcc_staff)
    assert reverse("inspections:report_withdraw", args=[report.pk]) not in (
        client.get(report.get_absolute_url()).text
    )
    before = row_counts()

    page = withdraw_report(client, report)

    assert page.status_code == 200
    assert "The response to this report has been published" in page.text
    assert row_counts() == before
    assert Report.objects.filter(pk=report.pk).exists()


def test_a_withdrawal_needs_a_reason(client, opcc_staff, report):
    client.force_login(opcc_staff)
    page = withdraw_report(client, report, reason="   ")
    assert page.status_code == 200
    assert page.context["form"].errors["reason"]
    assert Report.objects.filter(pk=report.pk).exists()


@pytest.mark.parametrize("persona", ["pcc", "force_officer", "dcc", "jasp"])
def test_other_roles_get_403_on_every_withdrawal_page(request, client, persona, opcc_staff):
    report, item = ReportFactory(), ItemFactory()
    gone_report = services.report_withdraw(report=ReportFactory(), by=opcc_staff, reason="x")
    gone_item = services.item_withdraw(item=ItemFactory(), by=opcc_staff, reason="x")
    urls = [
        reverse("inspections:report_withdraw", args=[report.pk]),
        reverse("inspections:item_withdraw", args=[item.pk]),
        reverse("inspections:report_restore", args=[gone_report.pk]),
        reverse("inspections:item_restore", args=[gone_item.pk]),
        reverse("inspections:withdrawn_reports"),
    ]
    client.force_login(request.getfixturevalue(persona))
    for url in urls:
        for method in ("GET", "POST", "PUT", "DELETE"):
            response = client.generic(method, url, "reason=because")
            assert response.status_code == 403, f"{method} {url}"
    assert Report.objects.filter(pk=report.pk).exists()
    assert Item.objects.filter(pk=item.pk).exists()


def test_the_services_check_the_role(jasp, report, item):
    with pytest.raises(PermissionDenied):
        services.report_withdraw(report=report, by=jasp, reason="No.")
    with pytest.raises(PermissionDenied):
        services.item_withdraw(item=item, by=jasp, reason="No.")


def test_a_cause_of_concern_with_recommendations_is_not_withdrawn_first(opcc_staff, report):
    concern = ItemFactory(report=report, kind="cause_of_concern", reference="1")
    ItemFactory(report=report, cause_of_concern=concern, reference="1.1")
    with pytest.raises(ValidationError, match="withdraw them"):
        services.item_withdraw(item=concern, by=opcc_staff, reason="Wrong.")


def test_a_corrected_report_can_be_recorded_and_the_withdrawn_one_not_restored_over_it(
    opcc_staff, report
):
    services.report_withdraw(report=report, by=opcc_staff, reason="Wrong summary.")
    ReportFactory(title=report.title, published_on=report.published_on)

    with pytest.raises(ValidationError, match="already exists"):
        services.report_restore(
            report=Report.all_objects.get(pk=report.pk), by=opcc_staff, reason="Oops."
        )


def test_the_database_refuses_a_withdrawal_without_who_and_why(report):
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.all_objects.filter(pk=report.pk).update(withdrawn_at=timezone.now())


def test_foreign_keys_still_reach_a_withdrawn_report(opcc_staff, action):
    services.report_withdraw(report=action.item.report, by=opcc_staff, reason="Wrong.")
    reloaded = Action.all_objects.get(pk=action.pk)
    assert reloaded.item.report.is_withdrawn
    assert not Action.objects.filter(pk=action.pk).exists()
