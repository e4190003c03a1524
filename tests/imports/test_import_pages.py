"""The office pastes or uploads a report, corrects the preview, saves: the items appear with
their history and annex entries. Bad input says what is wrong and saves nothing."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.models import ImportJob
from imports.services import run_import_job
from inspections.choices import Addressee, ItemKind
from inspections.models import Item
from inspections.services import item_create

from .conftest import PASTED
from .documents import as_pdf
from .helpers import preview_post


def start(client, report, **data):
    return client.post(reverse("imports:start", args=[report.pk]), data)


@pytest.fixture
def office(client, opcc_staff):
    client.force_login(opcc_staff)
    return client


def test_pasted_recommendations_are_previewed_in_printed_order_with_their_lines(
    office, recorded_report
):
    response = start(office, recorded_report, text=PASTED)
    job = ImportJob.objects.get()
    assert response.url == job.get_absolute_url()
    page = office.get(response.url)
    content = page.content.decode()
    assert page.status_code == 200
    assert content.index("record children") < content.index("missing children protocol")
    assert "from line 2" in content and "from line 4" in content
    assert [form["text"].value() for form in page.context["formset"]][2].startswith("Within six")
    assert not Item.objects.exists()


def test_saving_creates_the_items_with_history_and_annex_entries(
    office, recorded_report, opcc_staff
):
    start(office, recorded_report, text=PASTED)
    job = ImportJob.objects.get()
    response = office.post(job.get_absolute_url(), preview_post(job), follow=True)
    assert "3 items created." in response.content.decode()
    items = list(recorded_report.items.order_by("position"))
    assert [(item.reference, item.addressee) for item in items] == [
        ("1", Addressee.ALL_CHIEF_CONSTABLES),
        ("2", Addressee.HOME_OFFICE),
        ("3", Addressee.COLLEGE_OF_POLICING),
    ]
    assert items[2].hmicfrs_deadline == date(2020, 8, 27)
    created = items[2].history.get(history_type="+")
    assert created.history_user == opcc_staff
    assert created.history_change_reason.startswith("Imported from pasted text, line 4")
    annex = recorded_report.response.annex.order_by("item__position")
    assert [entry.item for entry in annex] == items
    item_page = office.get(items[2].get_absolute_url()).content.decode()
    assert "deadline as printed: &quot;Within six months&quot;" in item_page


def test_a_corrected_item_is_saved_as_corrected_and_a_dropped_one_not_at_all(
    office, recorded_report
):
    start(office, recorded_report, text=PASTED)
    job = ImportJob.objects.get()
    data = preview_post(job, edits={0: {"text": "Chief constables should listen to children."}})
    data |= {"rows-1-drop": "on"}
    office.post(job.get_absolute_url(), data)
    assert list(recorded_report.items.values_list("reference", "text")) == [
        ("1", "Chief constables should listen to children."),
        ("3", "Within six months, the College of Policing should update its guidance on strategy "
         "meetings."),
    ]  # fmt: skip


def test_items_already_on_the_report_are_marked_and_not_created_again(
    office, recorded_report, opcc_staff
):
    existing = item_create(
        report=recorded_report,
        by=opcc_staff,
        kind=ItemKind.RECOMMENDATION,
        reference="2",
        text="The Home Office should fund a protocol.",
        addressee=Addressee.HOME_OFFICE,
    )
    start(office, recorded_report, text=PASTED)
    job = ImportJob.objects.get()
    page = office.get(job.get_absolute_url()).content.decode()
    assert "1 item is already on the report" in page
    assert f'Already on the report as <a href="{existing.get_absolute_url()}"' in page
    response = office.post(job.get_absolute_url(), preview_post(job), follow=True)
    assert "2 items created." in response.content.decode()
    assert recorded_report.items.filter(reference="2").get() == existing
    assert recorded_report.items.count() == 3


def test_saving_is_all_or_nothing(office, recorded_report, row_counts):
    start(office, recorded_report, text=PASTED)
    job = ImportJob.objects.get()
    before = row_counts()
    data = preview_post(job, edits={2: {"addressee": Addressee.OTHER, "addressee_other": ""}})
    response = office.post(job.get_absolute_url(), data)
    assert response.status_code == 200
    assert "Row 3: Name the body this item is addressed to." in response.content.decode()
    assert "Nothing was saved" in response.content.decode()
    assert row_counts() == before
    assert ImportJob.objects.get().saved_at is None


def test_an_import_is_saved_once(office, recorded_report):
    start(office, recorded_report, text=PASTED)
    job = ImportJob.objects.get()
    office.post(job.get_absolute_url(), preview_post(job))
    again = office.post(job.get_absolute_url(), preview_post(job), follow=True)
    assert "This import has nothing to save." in again.content.decode()
    assert recorded_report.items.count() == 3


def rows_after(office, job, data):
    return [form["text"].value() for form in office.post(job.get_absolute_url(), data).context[
        "formset"
    ]]  # fmt: skip


def test_merge_split_and_add_rework_the_rows_without_saving(office, recorded_report):
    start(office, recorded_report, text=PASTED)
    job = ImportJob.objects.get()
    merged = rows_after(office, job, preview_post(job, do="merge:0"))
    assert len(merged) == 2 and "children's voices. By 30 September 2020, the Home" in merged[0]
    data = preview_post(job, edits={1: {"text": "The Home Office should fund it.\nAnd test it."}})
    split = rows_after(office, job, data | {"do": "split:1"})
    assert split[1:3] == ["The Home Office should fund it.", "And test it."]
    added = rows_after(office, job, preview_post(job, do="add"))
    assert len(added) == 4 and added[3] in ("", None)
    assert not Item.objects.exists()


def test_a_recommendation_keeps_its_cause_of_concern(office, recorded_report):
    text = "Cause of concern 1\nThe force fails children.\nRecommendations\n" + PASTED
    start(office, recorded_report, text=text)
    job = ImportJob.objects.get()
    office.post(job.get_absolute_url(), preview_post(job))
    cause = recorded_report.items.get(kind=ItemKind.CAUSE_OF_CONCERN)
    assert set(cause.recommendations.values_list("reference", flat=True)) == {"1", "2", "3"}


# --- Bad input: each says what is wrong and saves nothing ------------------------------------


@pytest.fixture
def nothing_saved(row_counts):
    before = row_counts()
    yield
    assert row_counts() == before
    assert not ImportJob.objects.exists()


def test_an_empty_paste_is_refused(office, recorded_report, nothing_saved):
    response = start(office, recorded_report, text="   \n ")
    assert "Paste the report&#x27;s text, or choose a file to upload." in response.content.decode()


def test_text_with_no_items_says_so_and_shows_what_was_read(office, recorded_report, nothing_saved):
    response = start(office, recorded_report, text="Foreword\nWe visited six forces.\n")
    content = response.content.decode()
    assert "No items found; here is what was read." in content
    assert '<li value="2">We visited six forces.</li>' in content


def test_a_file_over_the_limit_is_refused_with_the_limit(
    office, recorded_report, settings, nothing_saved
):
    settings.IMPORT_MAX_BYTES = 1000
    upload = SimpleUploadedFile("report.txt", b"Recommendation 1\n" * 100)
    response = start(office, recorded_report, upload=upload)
    assert "This file is 1.7\xa0KB; the limit is 1000\xa0bytes." in response.content.decode()


def test_a_file_that_is_not_text_html_or_pdf_is_refused(office, recorded_report, nothing_saved):
    upload = SimpleUploadedFile("report.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    response = start(office, recorded_report, upload=upload)
    assert "This file is not a PDF, an HTML page" in response.content.decode()


def test_the_page_states_the_limit_and_the_accepted_types(office, recorded_report):
    page = office.get(reverse("imports:start", args=[recorded_report.pk])).content.decode()
    assert "Upload a PDF, an HTML page saved from the HMICFRS website, or plain text" in page
    assert "up to 20.0\xa0MB" in page


# --- Files: read by the worker, with progress ------------------------------------------------


def upload_pdf(office, report, pdf, media_root):
    start(office, report, upload=SimpleUploadedFile("peel.pdf", pdf, "application/pdf"))
    return ImportJob.objects.get()


def test_an_uploaded_pdf_shows_progress_then_its_preview(office, recorded_report, media_root):
    job = upload_pdf(office, recorded_report, as_pdf(PASTED), media_root)
    waiting = office.get(job.get_absolute_url()).content.decode()
    assert "Reading the file: Waiting for the reader" in waiting and "<progress" in waiting
    run_import_job(job.pk)  # the worker's part
    polled = office.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert polled["HX-Refresh"] == "true"
    page = office.get(job.get_absolute_url())
    assert len(page.context["formset"].forms) == 3
    assert not list(media_root.rglob("*.bin"))  # the upload is not kept once read
    office.post(job.get_absolute_url(), preview_post(ImportJob.objects.get()))
    assert recorded_report.items.count() == 3


def test_a_pdf_without_text_fails_with_its_message_and_saves_nothing(
    office, recorded_report, media_root, row_counts
):
    before = row_counts()
    job = upload_pdf(office, recorded_report, as_pdf(""), media_root)
    run_import_job(job.pk)
    page = office.get(job.get_absolute_url()).content.decode()
    assert "peel.pdf could not be imported" in page
    assert "This PDF has no text layer" in page
    assert row_counts() == before


def test_a_file_with_no_items_shows_what_was_read(office, recorded_report, media_root):
    job = upload_pdf(
        office, recorded_report, as_pdf("Foreword\nWe visited six forces."), media_root
    )
    run_import_job(job.pk)
    page = office.get(job.get_absolute_url()).content.decode()
    assert "No items found; here is what was read" in page
    assert "We visited six forces." in page


def test_record_a_report_offers_to_import_its_items_next(office):
    data = {
        "title": "PEEL 2025",
        "report_type": "peel",
        "scope": "this_force",
        "published_on": "2025-03-20",
        "hmicfrs_url": "",
        "summary": "",
        "import_items": "",
    }
    response = office.post(reverse("inspections:report_create"), data)
    report = ImportJob._meta.get_field("report").related_model.objects.get(title="PEEL 2025")
    assert response.url == reverse("imports:start", args=[report.pk])


def test_an_upload_is_handed_to_the_worker_once_saved(
    office, recorded_report, media_root, monkeypatch, django_capture_on_commit_callbacks
):
    from imports import tasks

    handed = []
    monkeypatch.setattr(tasks.read_import, "delay", handed.append)
    with django_capture_on_commit_callbacks(execute=True):
        job = upload_pdf(office, recorded_report, as_pdf(PASTED), media_root)
    assert handed == [job.pk]


def test_an_import_no_worker_took_says_so_in_its_own_words(office, recorded_report, media_root):
    job = upload_pdf(office, recorded_report, as_pdf(PASTED), media_root)
    ImportJob.objects.filter(pk=job.pk).update(requested_at=job.requested_at - timedelta(hours=1))
    page = office.get(job.get_absolute_url()).content.decode()
    assert "The import did not start within 5 minutes" in page
    assert "Try another file or paste the text" in page
