"""Progress updates on an action: kept with their author and time, append-only (no service,
page or admin changes or deletes one), and none on a finished action."""

import inspect

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inspections import services
from inspections import urls as inspections_urls
from inspections.choices import ActionStatus
from inspections.models import Action, ProgressUpdate
from tests.inspections.action_helpers import close

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
