"""Day by day under frozen time: a response's 56 days and an action's life, every reminder once,
at 07:00 Europe/London whatever the clocks did that week."""

import datetime
from collections import Counter

import pytest
import time_machine

from accounts.roles import Role
from inspections import services
from inspections.choices import ActionStatus
from reminders.models import Digest, Reminder
from reminders.services import reminders_rebuild_all
from responses import services as response_services
from responses.choices import ResponseStatus
from responses.models import Response
from tests.conftest import COMPLETE_LETTER, complete_annex
from tests.factories import ItemFactory, UserFactory

from .helpers import days_sent, local, simulate

D = datetime.date


@pytest.fixture
def oscar(db):
    """A second member of OPCC staff: every response's reminders go to all of them."""
    return UserFactory(username="oscar", role=Role.OPCC_STAFF)


def test_a_response_is_reminded_on_each_ladder_step_once_at_seven_local_time(
    opcc_staff, oscar, mailoutbox
):
    published = D(2026, 3, 2)  # due 26 April; the clocks go forward on Sunday 29 March
    with time_machine.travel(local(published, datetime.time(9)), tick=False) as traveller:
        report = services.report_create(
            by=opcc_staff,
            title="PEEL 2026: an inspection of this force",
            report_type="peel",
            scope="this_force",
            published_on=published,
        )
        response = report.response
        response_services.response_assign_owner(
            response=response,
            by=opcc_staff,
            owner=opcc_staff,
            expected_version=response.lock_version,
        )
        sent = simulate(traveller, mailoutbox, published, D(2026, 5, 12))

    expected = [
        D(2026, 3, 23),  # the Chief Constable's comments: 7 days before 30 March
        D(2026, 3, 29),  # 28 days before the deadline, and the comments 1 day before: one email
        D(2026, 3, 30),  # the comments are due today
        D(2026, 3, 31),  # ... and overdue
        D(2026, 4, 12),  # 14 days
        D(2026, 4, 19),  # 7 days
        D(2026, 4, 23),  # 3 days
        D(2026, 4, 25),  # 1 day
        D(2026, 4, 26),  # the deadline
        D(2026, 4, 27),  # overdue
        D(2026, 5, 4),  # weekly until published
        D(2026, 5, 11),
    ]
    assert days_sent(sent, opcc_staff.email) == expected
    assert days_sent(sent, oscar.email) == expected
    assert {s.at.time() for s in sent} == {datetime.time(7, 0)}
    # 07:00 in London is 07:00 UTC before the clocks change and 06:00 UTC after.
    by_day = {s.day: s.at.astimezone(datetime.UTC).hour for s in sent}
    assert by_day[D(2026, 3, 23)] == 7 and by_day[D(2026, 3, 30)] == 6
    both = next(s for s in sent if s.day == D(2026, 3, 29) and s.to == opcc_staff.email)
    assert both.subject == "2 deadlines to watch"
    keys = Reminder.objects.filter(response=response, state="dispatched").values_list(
        "kind", "for_date"
    )
    assert max(Counter(keys).values()) == 1


def test_nothing_is_sent_for_a_response_once_it_is_published(
    opcc_staff, pcc, force_officer, response_in, mailoutbox
):
    response = response_in(ResponseStatus.NOT_STARTED)  # NCPI 2019: published 27 Feb 2020
    owner = opcc_staff.email

    def at_midday(day):
        current = Response.objects.get(pk=response.pk)
        if day == D(2020, 4, 1):  # the comments arrive: their reminders stop
            current = response_services.response_invite_chief_constable(
                response=current,
                by=opcc_staff,
                invited_on=D(2020, 2, 28),
                cc_due_on=D(2020, 3, 26),
                expected_version=current.lock_version,
            )
            response_services.response_record_cc_comments(
                response=current,
                by=force_officer,
                received_on=day,
                comments="The force welcomes the report.",
                expected_version=current.lock_version,
            )
        if day == D(2020, 4, 21):  # published at midday, the day before the deadline
            publish(current, opcc_staff, pcc, on=day)

    first = D(2020, 2, 27)
    with time_machine.travel(local(first, datetime.time(6)), tick=False) as traveller:
        reminders_rebuild_all()  # the fixture recorded the report in real time: plan from then
        sent = simulate(traveller, mailoutbox, first, D(2020, 5, 31), at_midday)

    assert days_sent(sent, owner) == [
        D(2020, 3, 19),  # comments due in 7 days (26 March)
        D(2020, 3, 25),  # comments tomorrow; 28 days to the deadline (22 April)
        D(2020, 3, 26),
        D(2020, 3, 27),
        D(2020, 4, 8),
        D(2020, 4, 15),
        D(2020, 4, 19),
        D(2020, 4, 21),  # 07:00, the day before the deadline; published at midday
    ]
    assert not Reminder.objects.filter(response=response, state="scheduled").exists()


def publish(response, opcc_staff, pcc, on):
    response = response_services.response_save_draft(
        response=response,
        by=opcc_staff,
        expected_version=response.lock_version,
        letter=COMPLETE_LETTER,
        annex=complete_annex(response),
    )
    for step, by in (
        (response_services.response_submit_for_approval, opcc_staff),
        (response_services.response_approve, pcc),
    ):
        response = step(response=response, by=by, expected_version=response.lock_version)
    response_services.response_publish(
        response=response, by=opcc_staff, expected_version=response.lock_version, on=on
    )


@pytest.fixture
def owned_action(force_officer, dcc):
    with time_machine.travel(local(D(2026, 10, 1), datetime.time(10)), tick=False):
        return services.action_create(
            item=ItemFactory(),
            by=force_officer,
            description="Review the missing children protocol.",
            owner_user=force_officer,
            target_date=D(2026, 11, 1),  # the clocks go back on Sunday 25 October
            status=ActionStatus.IN_PROGRESS,
        )


def test_an_action_is_reminded_then_escalated_to_the_dcc(
    owned_action, force_officer, dcc, mailoutbox
):
    with time_machine.travel(local(D(2026, 10, 1), datetime.time(10)), tick=False) as traveller:
        sent = simulate(traveller, mailoutbox, D(2026, 10, 1), D(2026, 12, 15))

    assert days_sent(sent, force_officer.email) == [
        D(2026, 10, 18),
        D(2026, 10, 25),  # 7 days before, on the day the clocks go back
        D(2026, 10, 31),
        D(2026, 11, 1),
        D(2026, 11, 2),  # overdue: once
    ]
    assert days_sent(sent, dcc.email) == [D(2026, 11, 29)]  # 28 days overdue
    escalation = next(s for s in sent if s.to == dcc.email)
    assert "Escalated to the DCC" in escalation.subject
    assert "28 days overdue" in escalation.subject
    utc_hours = {s.day: s.at.astimezone(datetime.UTC).hour for s in sent}
    assert utc_hours[D(2026, 10, 18)] == 6 and utc_hours[D(2026, 10, 25)] == 7


def test_moving_the_target_date_moves_the_reminders_and_closing_stops_them(
    owned_action, force_officer, dcc, mailoutbox
):
    action = owned_action

    def at_midday(day):
        nonlocal action
        if day == D(2026, 10, 20):
            action = services.action_change_target_date(
                action=action,
                by=force_officer,
                expected_version=action.lock_version,
                new_date=D(2026, 11, 10),
                reason="Partners asked for more time.",
            )
        if day == D(2026, 11, 5):
            services.evidence_add(
                action=action, by=force_officer, description="Protocol", link="https://e.org/"
            )
            action = services.action_submit_for_sign_off(
                action=action, by=force_officer, expected_version=action.lock_version
            )
            services.action_sign_off(action=action, by=dcc, expected_version=action.lock_version)

    with time_machine.travel(local(D(2026, 10, 1), datetime.time(10)), tick=False) as traveller:
        sent = simulate(traveller, mailoutbox, D(2026, 10, 1), D(2026, 12, 31), at_midday)

    # 14 days before 1 November went; then 14 and 7 days before 10 November, and no more: the
    # action was closed on 5 November.
    assert days_sent(sent, force_officer.email) == [
        D(2026, 10, 18),
        D(2026, 10, 27),
        D(2026, 11, 3),
    ]
    assert days_sent(sent, dcc.email) == []


def test_each_person_gets_one_digest_a_day_and_what_falls_due_later_goes_at_once(
    force_officer, mailoutbox
):
    item = ItemFactory()
    start = local(D(2026, 6, 1), datetime.time(10))
    with time_machine.travel(start, tick=False) as traveller:
        actions = [
            services.action_create(
                item=item,
                by=force_officer,
                description=f"Action {n}",
                owner_user=force_officer,
                target_date=D(2026, 6, 15),
                status=ActionStatus.IN_PROGRESS,
            )
            for n in range(3)
        ]
        late = services.action_create(
            item=item,
            by=force_officer,
            description="Found late",
            owner_user=force_officer,
            target_date=D(2026, 6, 30),
            status=ActionStatus.IN_PROGRESS,
        )

        def at_midday(day):
            if day == D(2026, 6, 8):  # after the 07:00 digest: now due today, so it goes at once
                services.action_change_target_date(
                    action=late,
                    by=force_officer,
                    expected_version=late.lock_version,
                    new_date=day,
                    reason="Brought forward.",
                )

        sent = simulate(traveller, mailoutbox, D(2026, 6, 1), D(2026, 6, 9), at_midday)

    june_8 = [s for s in sent if s.day == D(2026, 6, 8)]
    assert [s.at.hour for s in june_8] == [7, 13]
    digest, prompt = june_8
    assert digest.subject == "3 deadlines to watch"
    for action in actions:
        assert action.description in digest.message.body
    assert "Found late" in prompt.subject and "due today" in prompt.subject
    assert Digest.objects.filter(day=D(2026, 6, 8)).count() == 2
    assert len(actions) == 3
