"""The ladders an admin edits: a change re-plans every open subject, and nothing already sent
goes again."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from inspections import services
from inspections.choices import ActionStatus
from reminders import admin as reminders_admin
from reminders.choices import LadderKind, ReminderKind
from reminders.models import Ladder, Reminder
from reminders.services import reminders_rebuild_all
from tests.factories import ItemFactory

from .helpers import local, run_scan_and_worker

DAY = datetime.date(2026, 6, 1)


@pytest.fixture
def action(force_officer):
    with time_machine.travel(local(DAY, datetime.time(6)), tick=False):
        return services.action_create(
            item=ItemFactory(),
            by=force_officer,
            description="Audit missing episodes.",
            owner_user=force_officer,
            target_date=DAY + datetime.timedelta(days=7),
            status=ActionStatus.IN_PROGRESS,
        )


def planned(action) -> list[datetime.date]:
    return sorted(
        Reminder.objects.filter(
            action=action, kind=ReminderKind.ACTION_TARGET, state="scheduled"
        ).values_list("for_date", flat=True)
    )


def test_a_changed_ladder_replans_without_resending_what_went(action, mailoutbox):
    with time_machine.travel(local(DAY, datetime.time(7)), tick=False):
        run_scan_and_worker(local(DAY, datetime.time(7)))  # 7 days before: sent today
        Ladder.objects.filter(kind=LadderKind.ACTION_TARGET).update(days_before="7, 2")
        reminders_rebuild_all()
        run_scan_and_worker(local(DAY, datetime.time(8)))

    assert len(mailoutbox) == 1
    # 2 days before, the day itself, and overdue: 7 days before (today) went and stays sent.
    assert planned(action) == [datetime.date(2026, 6, d) for d in (6, 8, 9)]


def test_an_inactive_ladder_plans_nothing(action):
    Ladder.objects.filter(kind=LadderKind.ACTION_TARGET).update(active=False)
    with time_machine.travel(local(DAY, datetime.time(9)), tick=False):
        reminders_rebuild_all()

    assert planned(action) == []
    assert not Reminder.objects.filter(action=action, state="scheduled").exists()


def test_the_admin_saves_a_ladder_and_asks_a_worker_to_replan(client, superuser, monkeypatch):
    asked = []
    monkeypatch.setattr(
        reminders_admin.rebuild_reminders, "delay_on_commit", lambda: asked.append(True)
    )
    ladder = Ladder.objects.get(kind=LadderKind.RESPONSE_DEADLINE)
    client.force_login(superuser)

    page = client.post(
        reverse("admin:reminders_ladder_change", args=[ladder.pk]),
        {
            "active": "on",
            "days_before": "21, 7",
            "on_the_day": "on",
            "when_overdue": "on",
            "overdue_every_days": "7",
            "escalate_after_days": "",
        },
    )

    assert page.status_code == 302
    ladder.refresh_from_db()
    assert ladder.offsets == [21, 7] and asked == [True]


def test_the_admin_refuses_days_that_are_not_a_list_of_numbers(client, superuser):
    ladder = Ladder.objects.get(kind=LadderKind.CC_COMMENTS)
    client.force_login(superuser)

    page = client.post(
        reverse("admin:reminders_ladder_change", args=[ladder.pk]),
        {"active": "on", "days_before": "a week", "on_the_day": "on"},
    )

    assert page.status_code == 200
    ladder.refresh_from_db()
    assert ladder.days_before == "7, 1"
