"""The report, item and action forms as a user meets them: errors shown by their fields, nothing
saved on bad input, and the force-action override and causes of concern in the item form."""

import datetime

import pytest
from django.urls import reverse

from inspections.choices import ActionStatus, Addressee, ItemKind, ReportType
from inspections.models import Item, Report
from tests.factories import ItemFactory, ReportFactory

# --- The report form ------------------------------------------------------------------------------


REPORT_FORM = {
    "title": "Police custody: unannounced inspection",
    "report_type": ReportType.CUSTODY,
    "scope": "this_force",
    "published_on": "2021-05-04",
    "hmicfrs_url": "",
    "summary": "",
}


def test_a_valid_report_form_records_the_report(client, opcc_staff, row_counts):
    client.force_login(opcc_staff)

    response = client.post(reverse("inspections:report_create"), REPORT_FORM)

    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == report.get_absolute_url()
    assert report.published_on == datetime.date(2021, 5, 4)
    assert report.history.get().history_user == opcc_staff


def test_a_report_form_with_errors_shows_them_by_their_fields_and_saves_nothing(
    client, opcc_staff, row_counts
):
    client.force_login(opcc_staff)
    before = row_counts()

    response = client.post(
        reverse("inspections:report_create"),
        {
            **REPORT_FORM,
            "title": "   ",
            "report_type": "",
            "published_on": "31/02/2021",
            "hmicfrs_url": "not a web address",
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"title", "report_type", "published_on", "hmicfrs_url"}
    assert errors["title"] == ["This field is required."]
    for messages in errors.values():
        for message in messages:
            assert message in response.text.replace("&#x27;", "'")
    assert row_counts() == before


def test_the_same_report_cannot_be_recorded_twice_through_the_form(client, opcc_staff, row_counts):
    client.force_login(opcc_staff)
    client.post(reverse("inspections:report_create"), REPORT_FORM)
    before = row_counts()

    response = client.post(reverse("inspections:report_create"), REPORT_FORM)

    assert response.status_code == 200
    assert "already exists" in response.text
    assert row_counts() == before


def test_a_jasp_member_cannot_record_a_report(client, jasp, row_counts):
    client.force_login(jasp)
    before = row_counts()

    response = client.post(reverse("inspections:report_create"), REPORT_FORM)

    assert response.status_code == 403
    assert row_counts() == before


# --- The item form --------------------------------------------------------------------------------


def item_form(**changes):
    return {
        "kind": ItemKind.RECOMMENDATION,
        "reference": "3.1",
        "text": "The Home Office should review the guidance on missing children.",
        "addressee": Addressee.HOME_OFFICE,
        "addressee_other": "",
        "action_required": "",
        "action_required_reason": "",
        "hmicfrs_deadline": "",
        "cause_of_concern": "",
        "position": "",
        **changes,
    }


def post_item(client, report, **changes):
    return client.post(reverse("inspections:item_create", args=[report.pk]), item_form(**changes))


def test_an_item_follows_its_addressee_when_not_overridden(client, opcc_staff, report):
    client.force_login(opcc_staff)

    response = post_item(client, report)

    assert response.status_code == 302
    item = Item.objects.get()
    assert (item.action_required, item.action_required_reason) == (False, "")
    assert item.position == 1


@pytest.mark.parametrize(
    ("addressee", "override"), [(Addressee.HOME_OFFICE, "yes"), (Addressee.THIS_FORCE, "no")]
)
def test_overriding_force_action_in_the_form_needs_a_reason(
    client, opcc_staff, report, row_counts, addressee, override
):
    client.force_login(opcc_staff)
    before = row_counts()

    response = post_item(client, report, addressee=addressee, action_required=override)

    assert response.status_code == 200
    assert response.context["form"].errors["action_required_reason"] == [
        "Say why force action differs from what the addressee implies."
    ]
    assert "Say why force action differs from what the addressee implies." in response.text
    assert row_counts() == before


def test_an_override_with_a_reason_is_saved_and_shown(client, opcc_staff, report):
    client.force_login(opcc_staff)

    post_item(
        client,
        report,
        action_required="yes",
        action_required_reason="The force leads the regional missing persons work.",
    )

    item = Item.objects.get()
    assert item.action_required is True
    page = client.get(item.get_absolute_url()).text
    assert "overridden: The force leads the regional missing persons work." in page


def test_editing_an_overridden_item_keeps_its_override(client, opcc_staff, report):
    client.force_login(opcc_staff)
    post_item(client, report, action_required="yes", action_required_reason="Regional lead.")
    item = Item.objects.get()
    url = reverse("inspections:item_update", args=[item.pk])

    form = client.get(url).context["form"]
    assert form["action_required"].value() == "yes"
    assert form["action_required_reason"].value() == "Regional lead."
    response = client.post(
        url,
        {
            **{name: form[name].value() or "" for name in form.fields},
            "text": "Edited text.",
        },
    )

    assert response.status_code == 302
    stored = Item.objects.get(pk=item.pk)
    assert (stored.text, stored.action_required) == ("Edited text.", True)
    assert stored.action_required_reason == "Regional lead."


def test_an_item_for_another_body_must_name_it_in_the_form(client, opcc_staff, report, row_counts):
    client.force_login(opcc_staff)
    before = row_counts()

    response = post_item(client, report, addressee=Addressee.OTHER)

    assert response.status_code == 200
    assert response.context["form"].errors["addressee_other"] == [
        "Name the body this item is addressed to."
    ]
    assert row_counts() == before


def test_a_duplicate_reference_is_refused_by_the_form(client, opcc_staff, report, row_counts):
    client.force_login(opcc_staff)
    post_item(client, report)
    before = row_counts()

    response = post_item(client, report, text="A different text with the same number.")

    assert response.status_code == 200
    assert "already exists" in response.text
    assert row_counts() == before


def test_the_item_form_offers_only_this_reports_causes_of_concern(client, opcc_staff, report):
    here = ItemFactory(report=report, kind=ItemKind.CAUSE_OF_CONCERN, reference="1")
    ItemFactory(report=report, kind=ItemKind.RECOMMENDATION, reference="1.1")
    ItemFactory(report=ReportFactory(), kind=ItemKind.CAUSE_OF_CONCERN, reference="1")
    client.force_login(opcc_staff)

    form = client.get(reverse("inspections:item_create", args=[report.pk])).context["form"]

    assert list(form.fields["cause_of_concern"].queryset) == [here]


def test_a_recommendation_is_recorded_under_its_cause_of_concern(client, opcc_staff, report):
    concern = ItemFactory(report=report, kind=ItemKind.CAUSE_OF_CONCERN, reference="1")
    client.force_login(opcc_staff)

    post_item(client, report, reference="1.1", cause_of_concern=concern.pk)

    recommendation = Item.objects.get(reference="1.1")
    assert recommendation.cause_of_concern == concern
    assert recommendation.reference in client.get(concern.get_absolute_url()).text


@pytest.mark.parametrize("kind", [ItemKind.AREA_FOR_IMPROVEMENT, ItemKind.INNOVATIVE_PRACTICE])
def test_the_form_says_only_recommendations_sit_under_a_cause_of_concern(
    client, opcc_staff, report, row_counts, kind
):
    concern = ItemFactory(report=report, kind=ItemKind.CAUSE_OF_CONCERN, reference="1")
    client.force_login(opcc_staff)
    before = row_counts()

    response = post_item(client, report, kind=kind, cause_of_concern=concern.pk)

    assert response.status_code == 200
    assert response.context["form"].errors["cause_of_concern"] == [
        "Only a recommendation can sit under a cause of concern."
    ]
    assert row_counts() == before


# --- The action form ------------------------------------------------------------------------------


def test_an_action_cannot_be_added_to_an_item_that_needs_no_force_action(
    client, force_officer, row_counts
):
    item = ItemFactory(addressee=Addressee.HOME_OFFICE)
    client.force_login(force_officer)
    before = row_counts()

    response = client.post(
        reverse("inspections:action_create", args=[item.pk]),
        {"description": "Do it anyway", "owner_name": "PPU", "status": ActionStatus.IN_PROGRESS},
    )

    assert response.status_code == 200
    assert "This item needs no force action" in response.text
    assert row_counts() == before


def test_an_action_in_progress_without_an_owner_is_refused_by_the_form(
    client, force_officer, item, row_counts
):
    client.force_login(force_officer)
    before = row_counts()

    response = client.post(
        reverse("inspections:action_create", args=[item.pk]),
        {"description": "Review the protocol", "status": ActionStatus.IN_PROGRESS},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["owner_name"][0].startswith("Name the owner")
    assert row_counts() == before


def test_a_target_date_change_without_a_reason_is_refused_by_the_form(
    client, force_officer, action, row_counts
):
    client.force_login(force_officer)
    before = row_counts()

    response = client.post(
        reverse("inspections:action_target_date", args=[action.pk]),
        {"new_date": "2031-01-31", "reason": "  ", "lock_version": action.lock_version},
    )

    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert row_counts() == before
