"""Two people editing the same record: the first save wins, the second is told who changed what and
nothing of theirs is saved."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from core.errors import EditConflict
from inspections import services
from inspections.choices import ActionStatus
from inspections.models import Action, Item, Report
from tests.factories import UserFactory


@pytest.fixture
def second_opcc_staff(db):
    return UserFactory(username="oscar", role=Role.OPCC_STAFF)


@pytest.fixture
def second_force_officer(db):
    return UserFactory(username="frank", role=Role.FORCE_STAFF)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- In the services ------------------------------------------------------------------------------


def test_the_second_of_two_report_edits_is_refused_naming_the_first_editor(
    report, opcc_staff, second_opcc_staff, row_counts
):
    mine = Report.objects.get(pk=report.pk)
    theirs = Report.objects.get(pk=report.pk)
    services.report_update(
        report=mine, by=opcc_staff, expected_version=mine.lock_version, title="Corrected title"
    )
    before = row_counts()

    with pytest.raises(EditConflict) as refused:
        services.report_update(
            report=theirs,
            by=second_opcc_staff,
            expected_version=theirs.lock_version,
            summary="A summary that loses.",
        )

    assert "olivia changed title" in refused.value.messages[0]
    assert row_counts() == before
    stored = Report.objects.get(pk=report.pk)
    assert (stored.title, stored.summary) == ("Corrected title", "A summary of the report.")
    assert stored.lock_version == 2


def test_the_second_of_two_item_edits_is_refused(item, opcc_staff, second_opcc_staff, row_counts):
    mine = Item.objects.get(pk=item.pk)
    theirs = Item.objects.get(pk=item.pk)
    services.item_update(
        item=mine, by=second_opcc_staff, expected_version=1, text="Text as printed."
    )
    before = row_counts()

    with pytest.raises(EditConflict) as refused:
        services.item_update(item=theirs, by=opcc_staff, expected_version=1, reference="3.4")

    assert "oscar changed text" in refused.value.messages[0]
    assert row_counts() == before
    stored = Item.objects.get(pk=item.pk)
    assert (stored.reference, stored.text) == ("3.3", "Text as printed.")


def test_the_second_of_two_action_edits_is_refused(
    action, force_officer, second_force_officer, row_counts
):
    mine = Action.objects.get(pk=action.pk)
    theirs = Action.objects.get(pk=action.pk)
    services.action_update(
        action=mine,
        by=force_officer,
        expected_version=1,
        description="Agree the protocol with children's services.",
        owner_name="Public Protection",
        owner_user=force_officer,
        status=ActionStatus.IN_PROGRESS,
    )
    before = row_counts()

    with pytest.raises(EditConflict) as refused:
        services.action_update(
            action=theirs,
            by=second_force_officer,
            expected_version=1,
            description="A description that loses.",
            owner_name="Safeguarding",
            owner_user=None,
            status=ActionStatus.IN_PROGRESS,
        )

    assert "laura changed description" in refused.value.messages[0]
    assert row_counts() == before
    stored = Action.objects.get(pk=action.pk)
    assert stored.description == "Agree the protocol with children's services."
    assert stored.owner_name == "Public Protection"


def test_a_stale_target_date_change_is_refused_and_leaves_no_record(
    action, force_officer, second_force_officer, row_counts
):
    mine = Action.objects.get(pk=action.pk)
    theirs = Action.objects.get(pk=action.pk)
    services.action_change_target_date(
        action=mine,
        by=force_officer,
        expected_version=1,
        new_date=datetime.date(2030, 9, 30),
        reason="Partners asked for more time.",
    )
    before = row_counts()

    with pytest.raises(EditConflict) as refused:
        services.action_change_target_date(
            action=theirs,
            by=second_force_officer,
            expected_version=1,
            new_date=datetime.date(2031, 1, 31),
            reason="A reason that loses.",
        )

    assert "laura changed target date" in refused.value.messages[0]
    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).target_date == datetime.date(2030, 9, 30)


def test_the_dcc_cannot_close_an_action_changed_since_they_opened_it(
    action, force_officer, dcc, row_counts
):
    services.evidence_add(
        action=action, by=force_officer, description="Protocol", link="https://example.org/p"
    )
    services.action_submit_for_sign_off(action=action, by=force_officer, expected_version=1)
    seen_by_dcc = Action.objects.get(pk=action.pk)
    services.action_change_target_date(
        action=action,
        by=force_officer,
        expected_version=action.lock_version,
        new_date=datetime.date(2030, 7, 31),
        reason="Board date moved.",
    )
    before = row_counts()

    with pytest.raises(EditConflict):
        services.action_sign_off(
            action=seen_by_dcc, by=dcc, expected_version=seen_by_dcc.lock_version
        )

    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).status == ActionStatus.PENDING_SIGN_OFF


def test_an_editor_who_reloads_after_a_conflict_can_save(report, opcc_staff, second_opcc_staff):
    services.report_update(
        report=Report.objects.get(pk=report.pk), by=opcc_staff, expected_version=1, title="New"
    )
    reloaded = Report.objects.get(pk=report.pk)

    services.report_update(
        report=reloaded,
        by=second_opcc_staff,
        expected_version=reloaded.lock_version,
        summary="Now saved.",
    )

    stored = Report.objects.get(pk=report.pk)
    assert (stored.title, stored.summary, stored.lock_version) == ("New", "Now saved.", 3)


# --- Through the forms ----------------------------------------------------------------------------


def report_form_data(report, **changes):
    return {
        "title": report.title,
        "report_type": report.report_type,
        "scope": report.scope,
        "published_on": report.published_on.isoformat(),
        "hmicfrs_url": report.hmicfrs_url,
        "summary": report.summary,
        "lock_version": report.lock_version,
        **changes,
    }


def test_the_second_report_form_is_shown_again_with_who_changed_what(
    report, opcc_staff, second_opcc_staff, row_counts
):
    url = reverse("inspections:report_update", args=[report.pk])
    first, second = client_for(opcc_staff), client_for(second_opcc_staff)
    assert first.get(url).context["form"]["lock_version"].value() == 1
    assert second.get(url).context["form"]["lock_version"].value() == 1

    saved = first.post(url, report_form_data(report, title="The first editor's title"))
    before = row_counts()
    refused = second.post(url, report_form_data(report, title="The second editor's title"))

    assert saved.status_code == 302
    assert refused.status_code == 200
    assert "Nothing was saved" in refused.text
    assert "someone else changed this report while you were editing" in refused.text
    assert "olivia changed title to \u201cThe first editor&#x27;s title\u201d" in refused.text
    assert row_counts() == before
    assert Report.objects.get(pk=report.pk).title == "The first editor's title"


def test_after_a_conflict_the_editor_keeps_their_input_and_can_save_it_deliberately(
    report, opcc_staff, second_opcc_staff
):
    url = reverse("inspections:report_update", args=[report.pk])
    first, second = client_for(opcc_staff), client_for(second_opcc_staff)
    first.post(url, report_form_data(report, title="The first editor's title"))

    refused = second.post(url, report_form_data(report, title="The second editor's title"))
    form = refused.context["form"]
    assert form["title"].value() == "The second editor's title"
    assert form["lock_version"].value() == 2

    resubmitted = second.post(
        url, report_form_data(report, title="The second editor's title", lock_version=2)
    )
    assert resubmitted.status_code == 302
    assert Report.objects.get(pk=report.pk).title == "The second editor's title"


def item_form_data(item, **changes):
    return {
        "kind": item.kind,
        "reference": item.reference,
        "text": item.text,
        "addressee": item.addressee,
        "addressee_other": item.addressee_other,
        "action_required": "",
        "action_required_reason": "",
        "hmicfrs_deadline": "",
        "cause_of_concern": "",
        "position": item.position,
        "lock_version": item.lock_version,
        **changes,
    }


def test_the_second_item_form_is_shown_again_with_who_changed_what(
    item, opcc_staff, second_opcc_staff, row_counts
):
    url = reverse("inspections:item_update", args=[item.pk])
    first, second = client_for(opcc_staff), client_for(second_opcc_staff)

    saved = first.post(url, item_form_data(item, text="Chief constables should act now."))
    before = row_counts()
    refused = second.post(url, item_form_data(item, reference="3.9"))

    assert saved.status_code == 302
    assert refused.status_code == 200
    assert "olivia changed text" in refused.text
    assert row_counts() == before
    stored = Item.objects.get(pk=item.pk)
    assert (stored.reference, stored.text) == ("3.3", "Chief constables should act now.")


def test_the_second_action_form_is_shown_again_with_who_changed_what(
    action, force_officer, second_force_officer, row_counts
):
    url = reverse("inspections:action_update", args=[action.pk])
    first, second = client_for(force_officer), client_for(second_force_officer)
    data = {
        "description": action.description,
        "owner_name": action.owner_name,
        "owner_user": force_officer.pk,
        "status": ActionStatus.IN_PROGRESS,
        "lock_version": action.lock_version,
    }

    saved = first.post(url, {**data, "owner_name": "Head of Public Protection"})
    before = row_counts()
    refused = second.post(url, {**data, "description": "The second officer's description."})

    assert saved.status_code == 302
    assert refused.status_code == 200
    assert "laura changed owner" in refused.text
    assert row_counts() == before
    stored = Action.objects.get(pk=action.pk)
    assert stored.owner_name == "Head of Public Protection"
    assert stored.description == "Review the missing children protocol with partners."


def test_a_stale_target_date_form_is_refused(action, force_officer, second_force_officer):
    url = reverse("inspections:action_target_date", args=[action.pk])
    first, second = client_for(force_officer), client_for(second_force_officer)

    first.post(url, {"new_date": "2030-09-30", "reason": "More time.", "lock_version": 1})
    refused = second.post(url, {"new_date": "2031-01-31", "reason": "Loses.", "lock_version": 1})

    assert refused.status_code == 200
    assert "laura changed target date" in refused.text
    assert Action.objects.get(pk=action.pk).target_date == datetime.date(2030, 9, 30)
    assert action.target_changes.count() == 1
