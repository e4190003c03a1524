"""Single-line text is stored without control characters or bidi overrides, whichever way it
arrives (a form, a service, a queryset update), so none can reach a mail header."""

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from core.fields import LineField
from core.plaintext import single_line
from inspections.models import Item, Report
from inspections.services import item_create, report_create
from tests.factories import ReportFactory

DIRTY = "PEEL\r\nBcc: victim@example.org\x00 \u202egpj.exe\x85 2026\x1b\u0007"
CLEAN = "PEEL Bcc: victim@example.org gpj.exe 2026"
PROJECT_APPS = {"core", "accounts", "inspections", "responses", "reminders", "dashboards"} | {
    "imports"
}


def project_char_fields():
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.concrete_fields:
            # simple_history's own columns (history_type, history_change_reason) are its own.
            if isinstance(field, models.CharField) and not field.name.startswith("history_"):
                yield model, field


def test_the_cleaner_keeps_words_apart_and_drops_every_control_and_override():
    assert single_line(DIRTY) == CLEAN
    assert single_line("Tab\there \u2028and\u2029there") == "Tab here and there"
    # Letters of right-to-left scripts, accents and non-breaking spaces are text, not controls.
    assert single_line("تقرير Émilie\xa0O\u2019Neill") == "تقرير Émilie\xa0O\u2019Neill"


@pytest.mark.parametrize(
    ("model", "field"),
    list(project_char_fields()),
    ids=lambda value: getattr(value, "name", getattr(value, "__name__", "")),
)
def test_every_single_line_field_of_the_project_is_cleaned_before_it_is_stored(model, field):
    # URLField and EmailField refuse control characters in their own validators.
    if isinstance(field, models.URLField | models.EmailField):
        return
    assert isinstance(field, LineField), f"{model.__name__}.{field.name} is a plain CharField"
    instance = model()
    setattr(instance, field.attname, DIRTY)
    assert field.pre_save(instance, add=True) == CLEAN
    assert getattr(instance, field.attname) == CLEAN
    assert field.get_prep_value(DIRTY) == CLEAN


@pytest.mark.django_db
def test_a_title_and_a_reference_from_the_services_are_stored_clean(opcc_staff):
    report = report_create(
        by=opcc_staff,
        title=DIRTY,
        report_type="national",
        scope="all_forces",
        published_on="2026-01-15",
    )
    item = item_create(
        report=report,
        by=opcc_staff,
        kind="recommendation",
        reference="3.\r\n3\u202e",
        text="Review custody.",
        addressee="all_chief_constables",
    )
    assert Report.objects.get(pk=report.pk).title == CLEAN
    assert Item.objects.get(pk=item.pk).reference == "3. 3"


@pytest.mark.django_db
def test_a_queryset_update_is_stored_clean_too():
    report = ReportFactory()
    Report.objects.filter(pk=report.pk).update(title=DIRTY)
    assert Report.objects.get(pk=report.pk).title == CLEAN


@pytest.mark.django_db
def test_the_report_form_stores_a_clean_title_and_refuses_one_of_controls_only(client, opcc_staff):
    client.force_login(opcc_staff)
    form = {
        "report_type": "national",
        "scope": "all_forces",
        "published_on": "2026-01-15",
        "hmicfrs_url": "",
        "summary": "",
    }
    page = client.post(reverse("inspections:report_create"), {**form, "title": "\u202e\r\n\x00"})
    assert page.status_code == 200
    assert page.context["form"].errors["title"] == ["This field is required."]
    assert not Report.objects.exists()

    client.post(reverse("inspections:report_create"), {**form, "title": DIRTY})
    assert Report.objects.get().title == CLEAN
