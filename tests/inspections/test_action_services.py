"""The force's actions: owners, target dates (every change kept, with its reason), progress updates
(append-only) and what a finished action still accepts."""

import datetime
import inspect

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from inspections import services
from inspections import urls as inspections_urls
from inspections.choices import ActionStatus, Addressee
from inspections.models import Action, ProgressUpdate, TargetDateChange
from tests.factories import ItemFactory

JUNE = datetime.date(2030, 6, 30)
SEPTEMBER = datetime.date(2030, 9, 30)
DECEMBER = datetime.date(2030, 12, 31)


def new_action(item, by, **fields):
    return services.action_create(
        item=item,
        by=by,
        description=fields.pop("description", "Review the missing children protocol."),
        **fields,
    )


def close(action):
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.CLOSED, closed_at=timezone.now())
    action.refresh_from_db()


# --- Creating actions ----------------------------------------------------------------------------


def test_an_action_awaiting_allocation_needs_no_owner(item, force_officer):
    action = new_action(item, force_officer)

    stored = Action.objects.get(pk=action.pk)
    assert stored.status == ActionStatus.AWAITING_ALLOCATION
    assert stored.owner_label == ""
    assert stored.history.get().history_user == force_officer


@pytest.mark.parametrize("description", ["", "   "])
def test_an_action_needs_a_description(item, force_officer, row_counts, description):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        new_action(item, force_officer, description=description, target_date=JUNE)

    assert refused.value.message_dict["description"] == ["This field cannot be blank."]
    assert row_counts() == before


def test_an_item_that_needs_no_force_action_takes_no_actions(force_officer, row_counts):
    home_office = ItemFactory(addressee=Addressee.HOME_OFFICE)
    assert home_office.action_required is False
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        new_action(home_office, force_officer, target_date=JUNE)

    assert refused.value.messages == [
        "This item needs no force action, so actions cannot be added to it."
    ]
    assert row_counts() == before


@pytest.mark.parametrize(
    "status",
    [ActionStatus.IN_PROGRESS, ActionStatus.NATIONAL_DEPENDENCY, ActionStatus.SUPERSEDED],
)
@pytest.mark.parametrize("owner_name", ["", "   "])
def test_an_allocated_action_needs_an_owner(item, force_officer, row_counts, status, owner_name):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        new_action(item, force_officer, status=status, owner_name=owner_name, target_date=JUNE)

    assert refused.value.message_dict["owner_name"][0].startswith("Name the owner")
    assert row_counts() == before


@pytest.mark.parametrize(
    "owner", [{"owner_name": "Public Protection"}, {"owner_user": "force_officer"}]
)
def test_an_action_is_owned_by_a_named_department_or_an_account(item, force_officer, owner):
    if "owner_user" in owner:
        owner = {"owner_user": force_officer}

    action = new_action(item, force_officer, status=ActionStatus.IN_PROGRESS, **owner)

    assert Action.objects.get(pk=action.pk).status == ActionStatus.IN_PROGRESS


@pytest.mark.parametrize("status", [ActionStatus.PENDING_SIGN_OFF, ActionStatus.CLOSED])
def test_a_new_action_cannot_start_pending_sign_off_or_closed(
    item, force_officer, row_counts, status
):
    before = row_counts()

    with pytest.raises(ValidationError):
        new_action(item, force_officer, status=status, owner_name="Public Protection")

    assert row_counts() == before


def test_removing_the_owner_of_an_action_in_progress_is_refused(action, force_officer, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.action_update(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            description=action.description,
            owner_name="",
            owner_user=None,
            status=ActionStatus.IN_PROGRESS,
        )

    assert "owner_name" in refused.value.message_dict
    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).owner_user == force_officer


@pytest.mark.parametrize("status", [ActionStatus.PENDING_SIGN_OFF, ActionStatus.CLOSED])
def test_editing_cannot_jump_to_the_sign_off_statuses(action, force_officer, row_counts, status):
    before = row_counts()

    with pytest.raises(ValidationError):
        services.action_update(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            description=action.description,
            owner_name=action.owner_name,
            owner_user=action.owner_user,
            status=status,
        )

    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).status == ActionStatus.IN_PROGRESS


def test_a_closed_action_cannot_be_edited(action, force_officer, row_counts):
    close(action)
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.action_update(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            description="Reopened quietly",
            owner_name=action.owner_name,
            owner_user=action.owner_user,
            status=ActionStatus.IN_PROGRESS,
        )

    assert "only be changed through sign-off" in refused.value.messages[0]
    assert row_counts() == before


# --- The database holds the same rules -----------------------------------------------------------


def test_the_database_refuses_an_allocated_action_without_an_owner(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(owner_name="", owner_user=None)

    assert Action.objects.get(pk=action.pk).owner_label


def test_the_database_refuses_a_closed_action_without_a_closing_time(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(status=ActionStatus.CLOSED)

    assert Action.objects.get(pk=action.pk).status == ActionStatus.IN_PROGRESS


def test_the_database_refuses_a_closing_time_on_an_open_action(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(closed_at=timezone.now())

    assert Action.objects.get(pk=action.pk).closed_at is None


def test_the_database_refuses_a_target_date_change_without_a_reason(action, force_officer):
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetDateChange.objects.create(
            action=action, old_date=JUNE, new_date=DECEMBER, reason="", changed_by=force_officer
        )


# --- Target dates --------------------------------------------------------------------------------


def test_the_first_target_date_is_recorded_as_a_change(item, force_officer):
    action = new_action(item, force_officer, target_date=JUNE)

    change = action.target_changes.get()
    assert (change.old_date, change.new_date, change.changed_by) == (None, JUNE, force_officer)


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_target_date_change_needs_a_reason(action, force_officer, row_counts, reason):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.action_change_target_date(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            new_date=DECEMBER,
            reason=reason,
        )

    assert refused.value.message_dict == {"reason": ["Say why the target date is changing."]}
    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).target_date == JUNE


def test_changing_the_target_date_to_the_same_date_is_refused(action, force_officer, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.action_change_target_date(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            new_date=JUNE,
            reason="Confirmed at the board.",
        )

    assert refused.value.message_dict == {"new_date": ["That is already the target date."]}
    assert row_counts() == before


def test_every_target_date_change_is_kept_with_who_what_and_why(item, force_officer, dcc):
    action = new_action(
        item, force_officer, target_date=JUNE, status="in_progress", owner_name="PPU"
    )

    services.action_change_target_date(
        action=action,
        by=force_officer,
        expected_version=action.lock_version,
        new_date=SEPTEMBER,
        reason="Waiting for the partners' protocol.",
    )
    services.action_change_target_date(
        action=action,
        by=dcc,
        expected_version=action.lock_version,
        new_date=DECEMBER,
        reason="  Agreed at the performance board.  ",
    )
    services.action_change_target_date(
        action=action,
        by=dcc,
        expected_version=action.lock_version,
        new_date=None,
        reason="Now depends on the national guidance.",
    )

    changes = [
        (c.old_date, c.new_date, c.changed_by, c.reason) for c in action.target_changes.all()
    ]
    assert changes == [
        (None, JUNE, force_officer, "Set when the action was created."),
        (JUNE, SEPTEMBER, force_officer, "Waiting for the partners' protocol."),
        (SEPTEMBER, DECEMBER, dcc, "Agreed at the performance board."),
        (DECEMBER, None, dcc, "Now depends on the national guidance."),
    ]
    assert Action.objects.get(pk=action.pk).target_date is None


def test_a_closed_action_keeps_its_target_date(action, force_officer, row_counts):
    close(action)
    before = row_counts()

    with pytest.raises(ValidationError):
        services.action_change_target_date(
            action=action,
            by=force_officer,
            expected_version=action.lock_version,
            new_date=DECEMBER,
            reason="Too late.",
        )

    assert row_counts() == before
    assert Action.objects.get(pk=action.pk).target_date == JUNE


# --- Progress updates ----------------------------------------------------------------------------


def test_a_progress_update_is_kept_with_its_author_and_time(action, force_officer):
    update = services.action_add_update(
        action=action, by=force_officer, text="  Protocol drafted and sent to partners.  "
    )

    stored = ProgressUpdate.objects.get(pk=update.pk)
    assert stored.text == "Protocol drafted and sent to partners."
    assert stored.author == force_officer
    assert stored.written_at is not None


@pytest.mark.parametrize("text", ["", "  \n "])
def test_an_empty_progress_update_is_refused(action, force_officer, row_counts, text):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        services.action_add_update(action=action, by=force_officer, text=text)

    assert refused.value.message_dict == {"text": ["Write the update before posting it."]}
    assert row_counts() == before


@pytest.mark.parametrize("status", [ActionStatus.CLOSED, ActionStatus.SUPERSEDED])
def test_a_finished_action_takes_no_more_updates_or_evidence(
    action, force_officer, row_counts, status
):
    if status == ActionStatus.CLOSED:
        close(action)
    else:
        Action.objects.filter(pk=action.pk).update(status=status)
        action.refresh_from_db()
    before = row_counts()

    with pytest.raises(ValidationError) as update_refused:
        services.action_add_update(action=action, by=force_officer, text="One more thing.")
    with pytest.raises(ValidationError) as evidence_refused:
        services.evidence_add(
            action=action,
            by=force_officer,
            description="Late evidence",
            link="https://intranet.example.org/late",
        )

    expected = f"This action is {status.label.lower()}; nothing more can be added to it."
    assert update_refused.value.messages == [expected]
    assert evidence_refused.value.messages == [expected]
    assert row_counts() == before


def test_no_service_or_page_takes_a_posted_update_to_change_it():
    """Append-only: the only way in is adding one; nothing accepts an existing update."""
    functions = [
        function
        for _, function in inspect.getmembers(services, inspect.isfunction)
        if function.__module__ == services.__name__
    ]
    takes_an_update = [
        function.__name__
        for function in functions
        for parameter in inspect.signature(function).parameters.values()
        if parameter.annotation is ProgressUpdate or parameter.name in {"update", "progress_update"}
    ]
    update_pages = [
        pattern.name for pattern in inspections_urls.urlpatterns if "update_" in pattern.name
    ]

    assert "action_add_update" in [function.__name__ for function in functions]
    assert takes_an_update == []
    assert update_pages == ["update_create"]


def test_the_admin_refuses_to_change_a_progress_update_even_for_a_superuser(
    admin_client, action, force_officer
):
    update = services.action_add_update(action=action, by=force_officer, text="As written.")
    change_url = reverse("admin:inspections_progressupdate_change", args=[update.pk])

    response = admin_client.post(change_url, {"text": "Rewritten later.", "action": action.pk})

    assert response.status_code == 403
    assert ProgressUpdate.objects.get(pk=update.pk).text == "As written."


def test_the_admin_refuses_to_delete_a_progress_update_even_for_a_superuser(
    admin_client, action, force_officer
):
    update = services.action_add_update(action=action, by=force_officer, text="As written.")
    delete_url = reverse("admin:inspections_progressupdate_delete", args=[update.pk])

    response = admin_client.post(delete_url, {"post": "yes"})

    assert response.status_code == 403
    assert ProgressUpdate.objects.filter(pk=update.pk).exists()


def test_the_admin_refuses_to_add_a_progress_update_even_for_a_superuser(admin_client, action):
    response = admin_client.post(
        reverse("admin:inspections_progressupdate_add"), {"text": "Backdated.", "action": action.pk}
    )

    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_the_admin_refuses_bulk_deletion_of_progress_updates(admin_client, action, force_officer):
    update = services.action_add_update(action=action, by=force_officer, text="As written.")

    admin_client.post(
        reverse("admin:inspections_progressupdate_changelist"),
        {"action": "delete_selected", "_selected_action": [update.pk], "post": "yes"},
    )

    assert ProgressUpdate.objects.filter(pk=update.pk).exists()
