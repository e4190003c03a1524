"""The "My reminders" page, the calendar address, and the feed behind it."""

import datetime
import hashlib
import itertools

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from accounts.roles import Role
from inspections import services
from inspections.choices import ActionStatus
from reminders.models import CalendarToken, Reminder
from tests.factories import ItemFactory, UserFactory

from .helpers import local, run_scan_and_worker

DAY = datetime.date(2026, 6, 1)
PARTS = itertools.count(1)


def add_actions(owner, count: int, target=datetime.date(2026, 6, 20)) -> None:
    item = ItemFactory(report__title=f"PEEL 2026 part {next(PARTS)}")
    for n in range(count):
        services.action_create(
            item=item,
            by=owner,
            description=f"Action {n}",
            owner_user=owner,
            target_date=target,
            status=ActionStatus.IN_PROGRESS,
        )


@pytest.fixture
def frozen():
    with time_machine.travel(local(DAY, datetime.time(6)), tick=False) as traveller:
        yield traveller


def test_the_page_lists_what_is_coming_and_what_was_sent(client, force_officer, frozen):
    add_actions(force_officer, 1, target=datetime.date(2026, 6, 8))  # 7 days ahead: due today
    frozen.move_to(local(DAY, datetime.time(7)))
    run_scan_and_worker(local(DAY, datetime.time(7)))
    client.force_login(force_officer)

    page = client.get(reverse("reminders:mine"))

    upcoming, sent = page.context["upcoming"], page.context["sent"]
    assert [r.remind_on for r in upcoming][:2] == [
        datetime.date(2026, 6, 7),
        datetime.date(2026, 6, 8),
    ]
    assert [d.reminder.remind_on for d in sent] == [DAY]
    assert "Action 0" in page.content.decode()


def test_another_persons_reminders_are_not_on_my_page(client, force_officer, frozen):
    add_actions(force_officer, 2)
    client.force_login(UserFactory(username="kim", role=Role.FORCE_STAFF))

    page = client.get(reverse("reminders:mine"))

    assert page.context["upcoming"] == [] and page.context["sent"] == []


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_costs_the_same_with_ten_times_the_reminders(client, force_officer, frozen):
    client.force_login(force_officer)
    url = reverse("reminders:mine")
    add_actions(force_officer, 3)
    for n in range(3):
        run_scan_and_worker(local(DAY + datetime.timedelta(days=n), datetime.time(7)))
    client.get(url)
    at_1x = queries_for(client, url)
    add_actions(force_officer, 27)
    for n in range(3, 6):
        run_scan_and_worker(local(DAY + datetime.timedelta(days=n), datetime.time(7)))
    at_10x = queries_for(client, url)

    assert Reminder.objects.filter(state="scheduled").count() >= 150
    assert at_1x == at_10x


def issue(client) -> str:
    """Ask for a new calendar address, as the page does, and read it off the answer."""
    page = client.post(reverse("reminders:calendar"), {"do": "issue"})
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    return page.context["feed_url"].rsplit("/", 1)[-1].removesuffix(".ics")


def test_a_calendar_address_serves_my_target_dates_without_a_login(client, force_officer, frozen):
    add_actions(force_officer, 2)
    client.force_login(force_officer)
    token = issue(client)
    client.logout()

    feed = client.get(reverse("reminders:calendar_feed", args=[token]))

    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [datetime.date(2026, 6, 20)] * 2
    assert all("PEEL 2026" in str(e["summary"]) for e in events)


def test_a_revoked_or_replaced_address_is_not_found_and_changes_nothing(client, force_officer):
    client.force_login(force_officer)
    old = issue(client)
    new = issue(client)
    client.post(reverse("reminders:calendar"), {"do": "revoke"})
    client.logout()

    for token in (old, new, "x" * 43):
        assert client.get(reverse("reminders:calendar_feed", args=[token])).status_code == 404
    assert not CalendarToken.objects.exists()


def test_the_jasp_member_cannot_get_a_calendar_address(client, jasp):
    client.force_login(jasp)

    assert client.post(reverse("reminders:calendar"), {"do": "issue"}).status_code == 403
    assert not CalendarToken.objects.exists()


def test_the_address_is_shown_once_and_only_its_hash_is_kept(client, force_officer):
    client.force_login(force_officer)
    token = issue(client)

    stored = CalendarToken.objects.get(user=force_officer)
    assert stored.token_sha256 == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(CalendarToken.objects.values()))
    later = client.get(reverse("reminders:calendar"))
    assert token not in later.content.decode()
    assert "not shown again" in later.content.decode()
    assert client.get(reverse("reminders:calendar_feed", args=[token])).status_code == 200


@pytest.fixture
def feed(client, force_officer):
    client.force_login(force_officer)
    token = issue(client)
    client.logout()
    return reverse("reminders:calendar_feed", args=[token])


def test_deactivating_the_user_ends_the_calendar_feed(client, force_officer, feed):
    force_officer.is_active = False
    force_officer.save()

    assert client.get(feed).status_code == 404
    assert not CalendarToken.objects.exists()


def test_losing_every_role_ends_the_calendar_feed(client, force_officer, feed):
    force_officer.groups.clear()

    assert client.get(feed).status_code == 404
    assert not CalendarToken.objects.exists()


def test_a_role_emptied_from_the_group_side_ends_its_members_feeds(client, force_officer, feed):
    Group.objects.get(name=Role.FORCE_STAFF.value).user_set.remove(force_officer)

    assert client.get(feed).status_code == 404
    assert not CalendarToken.objects.exists()


def test_changing_one_of_two_roles_keeps_the_calendar_feed(client, force_officer, feed):
    dcc = Group.objects.get(name=Role.DCC.value)
    force_officer.groups.add(dcc)
    force_officer.groups.remove(Group.objects.get(name=Role.FORCE_STAFF.value))

    assert client.get(feed).status_code == 200
    assert CalendarToken.objects.filter(user=force_officer).exists()


def test_a_feed_whose_owner_lost_their_roles_behind_the_signals_back_is_not_found(
    client, force_officer, feed
):
    # A raw delete sends no signal: the feed still checks the owner's roles as it is read.
    force_officer.groups.through.objects.filter(user=force_officer).delete()

    assert client.get(feed).status_code == 404
