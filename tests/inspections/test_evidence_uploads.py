"""Evidence files: checked by contents, stored with no public address, streamed to readers."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from inspections import services
from inspections.choices import ActionStatus
from inspections.models import Evidence

PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)
BINARY = b"\xff\xfe\x00\x81\x9f binary \x80\x00"
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


def add(action, by, upload=None, link="", description="Missing children protocol, signed"):
    return services.evidence_add(
        action=action, by=by, description=description, upload=upload, link=link
    )


# --- Accepted ------------------------------------------------------------------------------------


def test_a_pdf_is_accepted_and_kept_under_a_name_of_our_choosing(action, force_officer, media_root):
    evidence = add(action, force_officer, SimpleUploadedFile("protocol.pdf", PDF))

    stored = Evidence.objects.get(pk=evidence.pk)
    assert stored.content_type == "application/pdf"
    assert stored.original_name == "protocol.pdf"
    assert stored.size == len(PDF)
    assert stored.added_by == force_officer
    assert "protocol" not in stored.file.name
    assert [path.read_bytes() for path in stored_files(media_root)] == [PDF]


def test_a_png_is_accepted(action, force_officer):
    evidence = add(action, force_officer, SimpleUploadedFile("Screenshot.PNG", PNG))

    assert Evidence.objects.get(pk=evidence.pk).content_type == "image/png"


def word_document() -> bytes:
    """A .docx laid out as Word writes one: a zip whose first entries are the package parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as document:
        document.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        document.writestr("_rels/.rels", "<Relationships/>")
        document.writestr("word/document.xml", "<w:document><w:body/></w:document>")
    return buffer.getvalue()


def test_a_word_document_is_accepted(action, force_officer):
    upload = SimpleUploadedFile("Action plan.docx", word_document())

    evidence = add(action, force_officer, upload)

    assert evidence.content_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )


def test_a_word_document_named_as_a_spreadsheet_is_refused(action, force_officer, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError):
        add(action, force_officer, SimpleUploadedFile("figures.xlsx", word_document()))

    assert row_counts() == before


def test_a_plain_text_file_is_accepted(action, force_officer):
    text = "Minutes of the missing persons board, 3 March 2020.\nAll actions agreed.\n"

    evidence = add(action, force_officer, SimpleUploadedFile("minutes.txt", text.encode()))

    assert evidence.content_type == "text/plain"


def test_a_link_is_accepted_as_evidence(action, force_officer, media_root):
    evidence = add(action, force_officer, link="https://intranet.example.org/protocol")

    assert Evidence.objects.get(pk=evidence.pk).link == "https://intranet.example.org/protocol"
    assert stored_files(media_root) == []


# --- Refused -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "setup.exe",
            WINDOWS_PROGRAM,
            "Upload a PDF, Word, Excel, PowerPoint, PNG, JPEG, plain text or CSV file.",
        ),
        ("report.pdf", PNG, "This file's contents do not match its .pdf name."),
        ("photo.png", PDF, "This file's contents do not match its .png name."),
        ("notes.txt", BINARY, "This file's contents are not plain text."),
        ("notes.txt", PDF, "This file's contents are not plain text."),
        ("empty.pdf", b"", "This file is empty."),
    ],
    ids=["program", "png named pdf", "pdf named png", "binary text", "pdf named txt", "empty"],
)
def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_stored(
    action, force_officer, media_root, row_counts, name, content, message
):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        add(action, force_officer, SimpleUploadedFile(name, content))

    assert refused.value.message_dict == {"upload": [message]}
    assert row_counts() == before
    assert stored_files(media_root) == []


def test_a_file_over_the_size_limit_is_refused(
    action, force_officer, settings, media_root, row_counts
):
    settings.EVIDENCE_MAX_BYTES = 100
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        add(action, force_officer, SimpleUploadedFile("big.pdf", PDF + b"%" * 200))

    assert refused.value.message_dict["upload"][0].endswith("the limit is 100\xa0bytes.")
    assert row_counts() == before
    assert stored_files(media_root) == []


def test_a_file_at_the_size_limit_is_accepted(action, force_officer, settings):
    settings.EVIDENCE_MAX_BYTES = len(PDF)

    assert add(action, force_officer, SimpleUploadedFile("exact.pdf", PDF)).size == len(PDF)


def test_a_file_and_a_link_together_are_refused(action, force_officer, media_root, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        add(action, force_officer, SimpleUploadedFile("p.pdf", PDF), link="https://example.org/")

    assert refused.value.messages == ["Attach a file or give a link (one of the two)."]
    assert row_counts() == before
    assert stored_files(media_root) == []


def test_evidence_with_neither_file_nor_link_is_refused(action, force_officer, row_counts):
    before = row_counts()

    with pytest.raises(ValidationError):
        add(action, force_officer)

    assert row_counts() == before


@pytest.mark.parametrize("description", ["", "   "])
def test_a_refused_description_leaves_no_file_behind(
    action, force_officer, media_root, row_counts, description
):
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        add(action, force_officer, SimpleUploadedFile("p.pdf", PDF), description=description)

    assert "description" in refused.value.message_dict
    assert row_counts() == before
    assert stored_files(media_root) == []


@pytest.mark.parametrize("status", [ActionStatus.CLOSED, ActionStatus.SUPERSEDED])
def test_a_finished_action_takes_no_more_evidence(
    action, force_officer, media_root, row_counts, status
):
    action.status = status
    action.closed_at = timezone.now() if status == ActionStatus.CLOSED else None
    action.save()
    before = row_counts()

    with pytest.raises(ValidationError) as refused:
        add(action, force_officer, SimpleUploadedFile("late.pdf", PDF))

    assert "nothing more can be added" in refused.value.messages[0]
    assert row_counts() == before
    assert stored_files(media_root) == []


# --- Through the page ----------------------------------------------------------------------------


def test_the_evidence_form_shows_why_a_file_was_refused(client, action, force_officer, media_root):
    client.force_login(force_officer)

    response = client.post(
        reverse("inspections:evidence_create", args=[action.pk]),
        {"description": "Protocol", "upload": SimpleUploadedFile("protocol.pdf", PNG)},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["upload"] == [
        "This file's contents do not match its .pdf name."
    ]
    assert not Evidence.objects.exists()
    assert stored_files(media_root) == []


def test_the_evidence_form_stores_a_good_file(client, action, force_officer):
    client.force_login(force_officer)

    response = client.post(
        reverse("inspections:evidence_create", args=[action.pk]),
        {"description": "Protocol", "upload": SimpleUploadedFile("protocol.pdf", PDF)},
    )

    assert response.status_code == 302
    assert Evidence.objects.get().original_name == "protocol.pdf"


# --- Reading it back -----------------------------------------------------------------------------


def test_a_reader_downloads_the_file_as_an_attachment(client, action, force_officer, jasp):
    evidence = add(action, force_officer, SimpleUploadedFile("Protocol (signed).pdf", PDF))
    client.force_login(jasp)

    response = client.get(reverse("inspections:evidence_download", args=[evidence.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="Protocol (signed).pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF
    response.close()


def test_someone_without_a_role_cannot_download_evidence(client, action, force_officer, outsider):
    evidence = add(action, force_officer, SimpleUploadedFile("protocol.pdf", PDF))
    client.force_login(outsider)

    response = client.get(reverse("inspections:evidence_download", args=[evidence.pk]))

    assert response.status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in_rather_than_given_evidence(
    client, action, force_officer
):
    evidence = add(action, force_officer, SimpleUploadedFile("protocol.pdf", PDF))

    response = client.get(reverse("inspections:evidence_download", args=[evidence.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_link_evidence_has_no_file_to_download(client, action, force_officer, jasp):
    evidence = add(action, force_officer, link="https://intranet.example.org/protocol")
    client.force_login(jasp)

    response = client.get(reverse("inspections:evidence_download", args=[evidence.pk]))

    assert response.status_code == 404


def test_no_evidence_file_has_a_public_address(client, settings, action, force_officer, jasp):
    evidence = add(action, force_officer, SimpleUploadedFile("protocol.pdf", PDF))
    client.force_login(jasp)
    name = evidence.file.name
    static = "/" + settings.STATIC_URL.strip("/") + "/"

    for url in [
        f"{static}{name}",
        f"{static}media/{name}",
        f"/media/{name}",
        f"/media/evidence/{evidence.action_id}/",
        f"/{name}",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert PDF not in response.content, url
