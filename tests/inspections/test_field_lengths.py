"""Field lengths (issue 11, case 9): a report title as long as the form allows still leaves room
for everything built from it (the response's subject), so items can be added; and an error always
names its field."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.views import attach_errors
from inspections import services
from inspections.forms import ItemForm, ReportCreateForm
from inspections.models import TITLE_MAX_LENGTH, Report
from responses.models import Response
from tests.conftest import NCPI_2019

ITEM = {
    "kind": "recommendation",
    "reference": "1",
    "text": "Chief constables should review how they protect children.",
    "addressee": "all_chief_constables",
    "addressee_other": "",
    "action_required": "",
    "action_required_reason": "",
    "hmicfrs_deadline": "",
    "cause_of_concern": "",
    "position": "",
}


def longest_title() -> str:
    words = ("National Child Protection Inspections thematic report " * 10)[: TITLE_MAX_LENGTH - 1]
    return f"{words}."


def test_the_longest_title_allowed_fits_the_responses_subject():
    subject = Response._meta.get_field("subject").max_length
    assert len(f"Response to HMICFRS - {longest_title()}") <= subject


def test_a_report_with_the_longest_title_accepts_an_item_through_the_page(client, opcc_staff):
    client.force_login(opcc_staff)
    created = client.post(
        reverse("inspections:report_create"),
        {**NCPI_2019, "title": longest_title(), "hmicfrs_url": ""},
    )
    assert created.status_code == 302
    report = Report.objects.get(title=longest_title())

    added = client.post(reverse("inspections:item_create", args=[report.pk]), ITEM)

    assert added.status_code == 302, added.context["form"].errors
    assert report.items.get().reference == "1"
    assert Response.objects.get(report=report).annex.count() == 1


def test_a_longer_title_is_refused_on_the_title_field(client, opcc_staff):
    client.force_login(opcc_staff)
    page = client.post(
        reverse("inspections:report_create"),
        {**NCPI_2019, "title": "T" * (TITLE_MAX_LENGTH + 1), "hmicfrs_url": ""},
    )
    assert page.status_code == 200
    assert page.context["form"].errors["title"]
    assert not page.context["form"].non_field_errors()


def test_the_service_refuses_a_longer_title_on_the_title_field(opcc_staff):
    with pytest.raises(ValidationError) as refused:
        services.report_create(by=opcc_staff, **{**NCPI_2019, "title": "T" * 300})
    assert set(refused.value.message_dict) == {"title"}


def test_an_item_reference_longer_than_20_characters_is_refused_on_its_field(opcc_staff, report):
    form = ItemForm(data={**ITEM, "reference": "R" * 21, "lock_version": 1}, report=report)
    assert not form.is_valid()
    assert "reference" in form.errors


def test_an_error_on_a_field_the_form_does_not_show_still_names_it():
    form = ReportCreateForm(data={})
    form.is_valid()
    attach_errors(
        form, ValidationError({"subject": "Ensure this value has at most 300 characters."})
    )
    assert form.non_field_errors() == ["Subject: Ensure this value has at most 300 characters."]
